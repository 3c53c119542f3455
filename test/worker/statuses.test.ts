import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, Job, LogEntry, Page } from '../../shared/api'
import type { WorkflowDocumentInput } from '../../shared/workflow/schema'
import { installStatements } from '../../worker/db/configurations'
import { createVault } from '../../worker/secrets/vault'
import { classify } from '../../worker/engine/run-app'
import { api, postHook, waitForJob } from './helpers'
import { SANDBOX_URL } from './sandbox'

const WRONG_SECRET = 'not-the-secret-Zq9!'

beforeAll(async () => {
  await api('/api/health') // seeds the sandbox configurations
  const vault = createVault(env.SECRETS_KEY)
  await env.DB.batch([
    ...(await installStatements(env.DB, vault, {
      app: 'service_desk',
      id: 'unreachable',
      name: 'Closed port',
      settings: { baseUrl: 'http://127.0.0.1:9' },
      secrets: { apiKey: 'unused-key-1234' },
    })),
    ...(await installStatements(env.DB, vault, {
      app: 'azure_ad',
      id: 'wrong-secret',
      name: 'Wrong secret',
      settings: {
        tenantId: 'contoso-sandbox',
        clientId: '11111111-2222-3333-4444-555555555555',
        authorityUrl: `${SANDBOX_URL}/azure/login`,
        graphUrl: `${SANDBOX_URL}/azure/graph`,
      },
      secrets: { clientSecret: WRONG_SECRET },
    })),
  ])
})

function oneStep(step: Record<string, unknown>): WorkflowDocumentInput {
  return {
    format: 'switchboard.workflow',
    formatVersion: 1,
    title: `One step ${String(step.configuration)}`,
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Request',
        event: 'test',
        entity: 'change',
        source: '{{trigger.id}}',
      },
      { id: 'step', kind: 'app', label: 'The step', ...step } as never,
    ],
    edges: [{ source: 'trigger', target: 'step' }],
  }
}

async function runOnce(document: WorkflowDocumentInput): Promise<Job> {
  const created = await api('/api/workflows', {
    method: 'POST',
    body: JSON.stringify(document),
  })
  const { id } = (await created.json()) as { id: string }
  await api(`/api/workflows/${id}/publish`, { method: 'POST' })
  const hook = await postHook(id, JSON.stringify({ id: 'CHG-9' }))
  return waitForJob(((await hook.json()) as { jobId: string }).jobId)
}

describe('node statuses', () => {
  it('fails a step whose app cannot be reached, naming the host', async () => {
    const job = await runOnce(
      oneStep({
        app: 'service_desk',
        action: 'add_note',
        configuration: 'unreachable',
        inputs: { ticketId: 1, body: 'hello' },
      }),
    )
    expect(job.status).toBe('failed')
    expect(job.entity).toBe('change')
    expect(job.nodes[0]).toMatchObject({
      status: 'failed',
      statusCode: null,
    })
    expect(job.nodes[0]!.message).toMatch(
      /^127\.0\.0\.1:9 could not be reached/,
    )
  })

  it('ends Complete with errors when the app refuses, secret kept out', async () => {
    const job = await runOnce(
      oneStep({
        app: 'azure_ad',
        action: 'get_user',
        configuration: 'wrong-secret',
        inputs: { username: 'priya.raman@contoso-hr.example' },
      }),
    )
    expect(job.status).toBe('complete_with_errors')
    expect(job.nodes[0]).toMatchObject({
      status: 'complete_with_errors',
      statusCode: 401,
    })
    expect(job.nodes[0]!.message).toContain('Invalid client secret provided')

    const logs = await api(`/api/logs?jobId=${job.id}`)
    const text = await logs.text()
    expect(text).toContain('Invalid client secret provided')
    for (const form of [
      WRONG_SECRET,
      encodeURIComponent(WRONG_SECRET),
      btoa(WRONG_SECRET),
    ]) {
      expect(text).not.toContain(form)
      expect(JSON.stringify(job)).not.toContain(form)
    }
  })

  it('classifies answers by the brief’s rule', () => {
    expect(classify(200)).toBe('success')
    expect(classify(204)).toBe('success')
    expect(classify(200, true)).toBe('complete_with_errors')
    expect(classify(400)).toBe('complete_with_errors')
    expect(classify(404)).toBe('complete_with_errors')
    expect(classify(408)).toBe('failed')
    expect(classify(429)).toBe('failed')
    expect(classify(500)).toBe('failed')
    expect(classify(503)).toBe('failed')
    expect(classify(0)).toBe('failed')
  })
})

describe('the execution logs API', () => {
  it('pages newest first with a cursor, no row twice', async () => {
    const seen: LogEntry[] = []
    let cursor: string | null = ''
    while (cursor !== null) {
      const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      const response = await api(`/api/logs?limit=1${query}`)
      const page = (await response.json()) as Page<LogEntry>
      seen.push(...page.items)
      cursor = page.nextCursor
    }
    expect(seen.length).toBeGreaterThanOrEqual(2)
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length)
    const times = seen.map((r) => r.startedAt)
    expect([...times].sort().reverse()).toEqual(times)
  })

  it('filters by status and by free text', async () => {
    const failed = await api('/api/logs?status=failed')
    const rows = ((await failed.json()) as Page<LogEntry>).items
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.status === 'failed')).toBe(true)

    const search = await api('/api/logs?q=could%20not%20be%20reached')
    const found = ((await search.json()) as Page<LogEntry>).items
    expect(found.map((r) => r.source)).toEqual(['CHG-9'])
  })

  it('finds a job by the first characters of its id', async () => {
    const all = await api('/api/logs?status=failed')
    const row = ((await all.json()) as Page<LogEntry>).items[0]!
    const short = row.jobId.slice(0, 8).toUpperCase()
    const found = await api(`/api/logs?jobId=${short}`)
    const rows = ((await found.json()) as Page<LogEntry>).items
    expect(rows.map((r) => r.jobId)).toEqual([row.jobId])
  })

  it('refuses a bad filter with a message naming it', async () => {
    const response = await api('/api/logs?status=maybe')
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as ApiError
    expect(error.message).toMatch(/^Query parameter "status"/)
    const cursor = await api('/api/logs?cursor=garbage')
    expect(cursor.status).toBe(400)
  })
})

describe('secret inputs', () => {
  it('keeps a password from the trigger out of all the job shows', async () => {
    const password = 'Tr0ub4dor&3-SECRETPW'
    const created = await api('/api/workflows', {
      method: 'POST',
      body: JSON.stringify({
        ...oneStep({
          app: 'azure_ad',
          action: 'create_user',
          configuration: 'sandbox',
          inputs: {
            userPrincipalName: 'temp.user@contoso-hr.example',
            displayName: 'Temp User',
            password: '{{trigger.pw}}',
          },
        }),
        title: 'Password from the trigger',
      }),
    })
    const { id } = (await created.json()) as { id: string }
    await api(`/api/workflows/${id}/publish`, { method: 'POST' })
    const hook = await postHook(id, JSON.stringify({ id: 'T-1', pw: password }))
    const job = await waitForJob(
      ((await hook.json()) as { jobId: string }).jobId,
    )
    expect(job.nodes[0]!.status).toBe('success')
    expect(job.nodes[0]!.details.inputs?.password).toBe('[redacted]')
    expect(job.trigger).toEqual({ id: 'T-1', pw: '[redacted]' })
    const logs = await (await api(`/api/logs?jobId=${job.id}`)).text()
    expect(logs + JSON.stringify(job)).not.toContain(password)
  })
})

describe('inputs that resolve to nothing', () => {
  it('fail the step naming the input and its placeholder', async () => {
    const hook = await postHook('employee-onboarding', '{}')
    const job = await waitForJob(
      ((await hook.json()) as { jobId: string }).jobId,
    )
    expect(job.status).toBe('failed')
    expect(job.nodes).toHaveLength(1)
    expect(job.nodes[0]).toMatchObject({
      label: 'Get user by username',
      status: 'failed',
      message:
        'Input "Username (UPN)" is required but has no value (from ' +
        '{{trigger.ticket.requested_item.custom_fields.username}})',
    })
    expect(job.nodes[0]!.details.warnings).toEqual([
      '{{trigger.ticket.requested_item.custom_fields.username}} has no value',
    ])
  })
})
