import { Hono } from 'hono'
import { z } from 'zod'
import type { ValidationReport } from '../../shared/api'
import { WorkflowDocument } from '../../shared/workflow/schema'
import { validateWorkflow } from '../../shared/workflow/validate'
import type { AppEnv } from '../app'
import { configurationIds } from '../db/configurations'
import {
  latestVersion,
  listVersions,
  publishDocument,
  versionConflict,
} from '../db/versions'
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
import { readBody } from '../intake/request'

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

/** The editor's server-side check: every problem, and nothing stored. */
workflowRoutes.post('/validate', async (c) => {
  const result = validateWorkflow(await readJsonBody(c.req.raw), {
    configurations: await configurationIds(c.env.DB),
  })
  return c.json({ problems: result.problems } satisfies ValidationReport)
})

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

workflowRoutes.get('/:id/versions', async (c) => {
  return c.json({ items: await listVersions(c.env.DB, c.req.param('id')) })
})

const PublishBody = z.object({
  document: z.unknown().refine((value) => value !== undefined, {
    message: 'needs the workflow document',
  }),
  baseVersion: z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? 'needs the version the draft started from, or null'
          : undefined,
    })
    .int()
    .min(1)
    .nullable(),
})

/**
 * Publishes a draft edited in the browser. It is refused when another
 * version was published after the one the draft started from, so nobody
 * overwrites a colleague's work without seeing it.
 */
workflowRoutes.post('/:id/versions', async (c) => {
  const id = c.req.param('id')
  const body = await readBody(c.req.raw, PublishBody)
  const latest = await latestVersion(c.env.DB, id)
  if (latest.version !== body.baseVersion) {
    // A retried request whose first attempt did publish is no conflict.
    if (latest.version !== null && isStored(body.document, latest.document)) {
      return c.json(await getVersion(c.env.DB, id, latest.version))
    }
    throw versionConflict(latest.version, body.baseVersion)
  }
  const document = await checkDocument(c.env.DB, body.document)
  const version = await publishDocument(c.env.DB, id, document, latest.version)
  return c.json(version, 201)
})

/** Whether a document is the one stored as this text. */
function isStored(document: unknown, stored: string | null): boolean {
  const parsed = WorkflowDocument.safeParse(document)
  return parsed.success && JSON.stringify(parsed.data) === stored
}

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
