import { Hono } from 'hono'
import type { HookAccepted } from '../../shared/api'
import type { AppEnv } from '../app'
import { getPublishedVersion } from '../db/workflows'
import { loadCompiled } from '../engine/workflow-cache'
import { AppError } from '../errors'
import { parseHookBody } from '../intake/body'

export const hookRoutes = new Hono<AppEnv>()

/**
 * The service desk's webhook. Everything that can be refused is checked
 * before the job exists (body, workflow, published version), so a refused
 * call starts nothing; then the job's Durable Object records the payload
 * and the call is answered at once while the job runs on its own.
 */
hookRoutes.post('/:workflowId', async (c) => {
  const trigger = await parseHookBody(c.req.raw)
  const workflowId = c.req.param('workflowId')
  const version = await getPublishedVersion(c.env.DB, workflowId)
  await loadCompiled(c.env.DB, workflowId, version)

  const jobId = crypto.randomUUID()
  const runner = c.env.JOBS.get(c.env.JOBS.idFromName(jobId))
  await runner.start({ jobId, workflowId, version, trigger })
  return c.json({ jobId } satisfies HookAccepted, 202)
})

hookRoutes.all('/:workflowId', () => {
  throw new AppError(
    'method_not_allowed',
    'A webhook is called with POST and the request as its body',
  )
})
