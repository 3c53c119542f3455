import { Hono } from 'hono'
import { validateWorkflow } from '../../shared/workflow/validate'
import type { WorkflowDocument } from '../../shared/workflow/schema'
import type { AppEnv } from '../app'
import { configurationIds } from '../db/configurations'
import {
  createWorkflow,
  getDraftState,
  getVersion,
  getWorkflow,
  listWorkflows,
  publishDraft,
  updateDraft,
} from '../db/workflows'
import { AppError } from '../errors'
import { readJsonBody } from '../intake/body'

export const workflowRoutes = new Hono<AppEnv>()

const origin = (url: string) => new URL(url).origin

/** Checks a document fully; refuses it listing every problem. */
async function checkDocument(
  db: D1Database,
  input: unknown,
): Promise<WorkflowDocument> {
  const result = validateWorkflow(input, {
    configurations: await configurationIds(db),
  })
  if (!result.ok) {
    const count = result.problems.length
    throw new AppError(
      'invalid_workflow',
      `The workflow has ${count} problem${count === 1 ? '' : 's'}`,
      result.problems,
    )
  }
  return result.document
}

workflowRoutes.get('/', async (c) => {
  const items = await listWorkflows(c.env.DB, origin(c.req.url))
  return c.json({ items })
})

workflowRoutes.post('/', async (c) => {
  const document = await checkDocument(c.env.DB, await readJsonBody(c.req.raw))
  const id = newWorkflowId()
  await createWorkflow(c.env.DB, id, document)
  return c.json(await getWorkflow(c.env.DB, id, origin(c.req.url)), 201)
})

workflowRoutes.get('/:id', async (c) => {
  return c.json(
    await getWorkflow(c.env.DB, c.req.param('id'), origin(c.req.url)),
  )
})

workflowRoutes.put('/:id', async (c) => {
  const id = c.req.param('id')
  const document = await checkDocument(c.env.DB, await readJsonBody(c.req.raw))
  await updateDraft(c.env.DB, id, document)
  return c.json(await getWorkflow(c.env.DB, id, origin(c.req.url)))
})

workflowRoutes.post('/:id/publish', async (c) => {
  const id = c.req.param('id')
  const draft = await getDraftState(c.env.DB, id)
  // Publishing an unchanged draft again is not a new version.
  if (draft.unchangedVersion !== null) {
    return c.json(await getVersion(c.env.DB, id, draft.unchangedVersion))
  }
  // Checked again: a configuration may have gone since the draft was saved.
  const document = await checkDocument(c.env.DB, draft.document)
  const version = await publishDraft(c.env.DB, id, document, draft.revision)
  return c.json(version, 201)
})

workflowRoutes.get('/:id/versions/:version', async (c) => {
  const version = Number(c.req.param('version'))
  if (!Number.isInteger(version) || version < 1) {
    throw new AppError('invalid_request', 'A version is a whole number from 1')
  }
  return c.json(await getVersion(c.env.DB, c.req.param('id'), version))
})

/** Short, URL-safe and unguessable: it is part of the webhook URL. */
function newWorkflowId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  return 'wf_' + [...bytes].map((b) => alphabet[b % alphabet.length]).join('')
}
