import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type {
  ApiError,
  VersionSummary,
  WorkflowDetail,
  WorkflowVersion,
} from '../../shared/api'
import { employeeOnboarding } from '../../shared/templates/employee-onboarding'
import {
  WorkflowDocument,
  type WorkflowDocumentInput,
} from '../../shared/workflow/schema'
import { publishDocument } from '../../worker/db/versions'
import { api } from './helpers'

const post = (path: string, body: unknown) =>
  api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

const titled = (title: string): WorkflowDocumentInput => ({
  ...structuredClone(employeeOnboarding),
  title,
})

/** A new workflow, as the editor creates one from a browser draft. */
async function createWorkflow(): Promise<string> {
  const response = await post('/api/workflows', titled('Draft'))
  return ((await response.json()) as WorkflowDetail).id
}

function publish(
  id: string,
  document: WorkflowDocumentInput,
  baseVersion: number | null,
) {
  return post(`/api/workflows/${id}/versions`, { document, baseVersion })
}

async function versions(id: string): Promise<VersionSummary[]> {
  const response = await api(`/api/workflows/${id}/versions`)
  return ((await response.json()) as { items: VersionSummary[] }).items
}

describe('publishing a browser draft', () => {
  it('publishes a new workflow and lists its versions newest first', async () => {
    const id = await createWorkflow()
    expect(await versions(id)).toEqual([])

    const first = await publish(id, titled('Onboarding'), null)
    expect(first.status).toBe(201)
    const v1 = (await first.json()) as WorkflowVersion
    expect(v1).toMatchObject({ workflowId: id, version: 1 })
    expect(v1.document.title).toBe('Onboarding')

    const second = await publish(id, titled('Onboarding, reviewed'), 1)
    const v2 = (await second.json()) as WorkflowVersion
    expect(v2.version).toBe(2)

    expect(await versions(id)).toEqual([
      { version: 2, publishedAt: v2.publishedAt },
      { version: 1, publishedAt: v1.publishedAt },
    ])
    // The draft is the published document, with nothing left unpublished.
    const detail = await api(`/api/workflows/${id}`)
    expect(await detail.json()).toMatchObject({
      title: 'Onboarding, reviewed',
      publishedVersion: 2,
      hasUnpublishedChanges: false,
      document: { title: 'Onboarding, reviewed' },
    })
  })

  it('refuses a draft started before the latest version', async () => {
    const id = await createWorkflow()
    await publish(id, titled('Version 1'), null)
    // Two people start from version 1; the first one publishes.
    await publish(id, titled('Alice'), 1)
    const response = await publish(id, titled('Bob'), 1)
    expect(response.status).toBe(409)
    expect(await response.json()).toEqual({
      error: {
        code: 'version_conflict',
        message:
          'Version 2 was published since this draft was started from ' +
          'version 1; compare and merge before publishing',
      },
    })
    expect((await versions(id)).map((v) => v.version)).toEqual([2, 1])
    const latest = await api(`/api/workflows/${id}/versions/2`)
    expect(((await latest.json()) as WorkflowVersion).document.title).toBe(
      'Alice',
    )
  })

  it('changes nothing when a publish slips in after the check', async () => {
    const id = await createWorkflow()
    await publish(id, titled('Version 1'), null)
    // What a request that checked before version 1 existed then writes.
    const late = WorkflowDocument.parse(titled('Late'))
    await expect(publishDocument(env.DB, id, late, null)).rejects.toThrow(
      'Version 1 was published since this draft was started before any ' +
        'version was published; compare and merge before publishing',
    )
    expect((await versions(id)).map((v) => v.version)).toEqual([1])
    const detail = await api(`/api/workflows/${id}`)
    expect(((await detail.json()) as WorkflowDetail).title).toBe('Version 1')
  })

  it('refuses a draft started from nothing once a version exists', async () => {
    const id = await createWorkflow()
    await publish(id, titled('Version 1'), null)
    const response = await publish(id, titled('Another'), null)
    expect(response.status).toBe(409)
    expect(((await response.json()) as ApiError).error.message).toBe(
      'Version 1 was published since this draft was started before any ' +
        'version was published; compare and merge before publishing',
    )
  })

  it('answers a retried publish with the version it made', async () => {
    const id = await createWorkflow()
    const first = await publish(id, titled('Once'), null)
    const again = await publish(id, titled('Once'), null)
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(await first.json())
    expect(await versions(id)).toHaveLength(1)
  })

  it('refuses an invalid draft listing every problem, storing nothing', async () => {
    const id = await createWorkflow()
    const document = titled('Broken')
    document.edges.push({ source: 'resolve_ticket', target: 'ghost' })
    const response = await publish(id, document, null)
    expect(response.status).toBe(422)
    const { error } = (await response.json()) as ApiError
    expect(error.code).toBe('invalid_workflow')
    expect(error.problems!.map((p) => p.message)).toEqual([
      'A connection\'s target "ghost" is not a step',
    ])
    expect(await versions(id)).toEqual([])
  })

  it('needs the base version, and a workflow that exists', async () => {
    const id = await createWorkflow()
    const missing = await post(`/api/workflows/${id}/versions`, {
      document: titled('x'),
    })
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as ApiError).error.message).toBe(
      'The request body is wrong: baseVersion: needs the version the ' +
        'draft started from, or null',
    )
    const unknown = await publish('wf_nothing', titled('x'), null)
    expect(unknown.status).toBe(404)
    const list = await api('/api/workflows/wf_nothing/versions')
    expect(await list.json()).toEqual({
      error: {
        code: 'workflow_not_found',
        message: 'No workflow with id "wf_nothing"',
      },
    })
  })
})
