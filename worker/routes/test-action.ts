import { Hono } from 'hono'
import { z } from 'zod'
import { NODE_STATUSES } from '../../shared/status'
import { AppNode, NodeId } from '../../shared/workflow/schema'
import type { AppEnv } from '../app'
import { AppError } from '../errors'
import { readBody } from '../intake/request'
import { createVault } from '../secrets/vault'
import { runTestAction } from '../testing/run-test'

export const testActionRoutes = new Hono<AppEnv>()

const PinnedStepResult = z.object({
  statusCode: z.number().int().nullable(),
  message: z.string(),
  output: z.unknown(),
  status: z.enum(NODE_STATUSES).optional(),
})

const TestActionBody = z.object({
  node: AppNode,
  trigger: z.unknown().optional(),
  steps: z.record(NodeId, PinnedStepResult).default({}),
  workflowId: z.string().min(1).max(100).optional(),
})

/** "Test app action": runs one app node once, outside any job. */
testActionRoutes.post('/', async (c) => {
  const body = await readBody(c.req.raw, TestActionBody)
  const vault = createVault(c.env.SECRETS_KEY)
  return c.json(await runTestAction(c.env.DB, vault, body))
})

testActionRoutes.all('/', () => {
  throw new AppError(
    'method_not_allowed',
    'A test run is started with POST and the node as its body',
  )
})
