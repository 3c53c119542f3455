import { describe, expect, it } from 'vitest'
import fixture from '../../shared/templates/onboarding-request.json'
import type {
  ApiError,
  WorkflowDetail,
  WorkflowSummary,
  WorkflowVersion,
} from '../../shared/api'
import { employeeOnboarding } from '../../shared/templates/employee-onboarding'
import { api, BASE, postHook, resetSandbox, waitForJob } from './helpers'

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe('the workflows API', () => {
  it('lists the onboarding workflow, published, with its hook URL', async () => {
    const response = await api('/api/workflows')
    const { items } = (await response.json()) as { items: WorkflowSummary[] }
    expect(items.find((w) => w.id === 'employee-onboarding')).toMatchObject({
      title: 'Employee onboarding',
      publishedVersion: 1,
      hasUnpublishedChanges: false,
      hookUrl: `${BASE}/hooks/employee-onboarding`,
    })
  })

  it('refuses an invalid document listing every problem', async () => {
    const document = structuredClone(employeeOnboarding)
    document.nodes[1] = { ...document.nodes[1]!, app: 'nope' } as never
    document.edges.push({ source: 'resolve_ticket', target: 'missing' })
    const response = await api('/api/workflows', json(document))
    expect(response.status).toBe(422)
    const { error } = (await response.json()) as ApiError
    expect(error.code).toBe('invalid_workflow')
    expect(error.message).toBe('The workflow has 2 problems')
    expect(error.problems!.map((p) => p.code)).toEqual([
      'dangling_edge',
      'unknown_app',
    ])
  })

  it('refuses a body that is not JSON', async () => {
    const response = await api('/api/workflows', {
      method: 'POST',
      body: 'title: onboarding',
    })
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as ApiError
    expect(error.code).toBe('invalid_json')
  })

  it('keeps published versions frozen and runs the latest', async () => {
    const created = await api('/api/workflows', json(employeeOnboarding))
    const workflow = (await created.json()) as WorkflowDetail
    expect(workflow.publishedVersion).toBeNull()
    expect(workflow.hasUnpublishedChanges).toBe(true)

    const v1 = await api(`/api/workflows/${workflow.id}/publish`, {
      method: 'POST',
    })
    expect(((await v1.json()) as WorkflowVersion).version).toBe(1)

    const renamed = { ...employeeOnboarding, title: 'Onboarding v2' }
    const put = await api(`/api/workflows/${workflow.id}`, json(renamed, 'PUT'))
    const draft = (await put.json()) as WorkflowDetail
    expect(draft).toMatchObject({
      title: 'Onboarding v2',
      publishedVersion: 1,
      hasUnpublishedChanges: true,
    })

    const first = await api(`/api/workflows/${workflow.id}/versions/1`)
    expect(((await first.json()) as WorkflowVersion).document.title).toBe(
      'Employee onboarding',
    )

    const v2 = await api(`/api/workflows/${workflow.id}/publish`, {
      method: 'POST',
    })
    expect(v2.status).toBe(201)
    // Publishing the same draft again is not a new version.
    const again = await api(`/api/workflows/${workflow.id}/publish`, {
      method: 'POST',
    })
    expect(again.status).toBe(200)
    expect(((await again.json()) as WorkflowVersion).version).toBe(2)
    await resetSandbox()
    const hook = await postHook(workflow.id, JSON.stringify(fixture))
    const { jobId } = (await hook.json()) as { jobId: string }
    const job = await waitForJob(jobId)
    expect(job.workflowVersion).toBe(2)
    expect(job.workflowTitle).toBe('Onboarding v2')
  })

  it('answers 404 in the error shape for unknown ids and routes', async () => {
    const missing = await api('/api/workflows/wf_nothing')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({
      error: {
        code: 'workflow_not_found',
        message: 'No workflow with id "wf_nothing"',
      },
    })
    const job = await api('/api/jobs/not-a-job')
    expect(job.status).toBe(404)
    const route = await api('/api/nothing-here')
    expect(((await route.json()) as ApiError).error.code).toBe('not_found')
  })

  it('lists the catalog with the sandbox configurations, no secrets', async () => {
    const response = await api('/api/apps')
    const text = await response.text()
    const { items } = JSON.parse(text) as {
      items: { id: string; installed: boolean; configurations: unknown[] }[]
    }
    expect(items.find((a) => a.id === 'azure_ad')).toMatchObject({
      installed: true,
      configurations: [
        { id: 'sandbox', name: 'Sandbox (Contoso)' },
        { id: 'sandbox-fabrikam', name: 'Sandbox (Fabrikam)' },
      ],
    })
    expect(text).not.toContain('sandbox-graph-secret')
    expect(text).not.toContain('sandbox-freshservice-key')
  })

  it('validates a document without storing it', async () => {
    const count = async () => {
      const list = await api('/api/workflows')
      return ((await list.json()) as { items: WorkflowSummary[] }).items.length
    }
    const before = await count()
    const valid = await api('/api/workflows/validate', json(employeeOnboarding))
    expect(valid.status).toBe(200)
    expect(await valid.json()).toEqual({ problems: [] })

    const document = structuredClone(employeeOnboarding)
    const note = document.nodes[3] as { inputs: Record<string, unknown> }
    note.inputs.private = '{{steps.get_user.statusCode}}'
    const create = document.nodes[4] as { configuration: string }
    create.configuration = 'production'
    const response = await api('/api/workflows/validate', json(document))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      problems: [
        {
          code: 'type_mismatch',
          message:
            '"Private" expects true or false, but ' +
            '{{steps.get_user.statusCode}} is a number',
          nodeId: 'note_existing',
          path: 'nodes[3].inputs.private',
        },
        {
          code: 'unknown_configuration',
          message:
            '"Create user" uses configuration "production", which ' +
            'azure_ad does not have',
          nodeId: 'create_user',
          path: 'nodes[4].configuration',
        },
      ],
    })
    expect(await count()).toBe(before)
  })
})
