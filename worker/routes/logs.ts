import { Hono } from 'hono'
import { z } from 'zod'
import { NODE_STATUSES } from '../../shared/status'
import type { AppEnv } from '../app'
import { queryLogs } from '../db/logs'
import { AppError } from '../errors'

export const logRoutes = new Hono<AppEnv>()

const LogQuery = z.object({
  status: z.enum(NODE_STATUSES).optional(),
  workflowId: z.string().max(100).optional(),
  jobId: z.string().max(100).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

logRoutes.get('/', async (c) => {
  const parsed = LogQuery.safeParse(c.req.query())
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new AppError(
      'invalid_request',
      `Query parameter "${issue.path.join('.')}": ${issue.message}`,
    )
  }
  const query = Object.fromEntries(
    Object.entries(parsed.data).filter(([, value]) => value !== ''),
  ) as z.infer<typeof LogQuery>
  return c.json(await queryLogs(c.env.DB, query))
})
