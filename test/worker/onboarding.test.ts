import { beforeAll, describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import fixture from '../../shared/templates/onboarding-request.json'
import { api, logsOf, postHook, resetSandbox, waitForJob } from './helpers'
import { SANDBOX_URL } from './sandbox'

const HOOK = 'employee-onboarding'
const UPN = 'jacob.whitfield@contoso-hr.example'

/** Reads the sandbox's state through the vendor APIs, as a person would. */
async function graphToken(): Promise<string> {
  const response = await fetch(
    `${SANDBOX_URL}/azure/login/contoso-sandbox/oauth2/v2.0/token`,
    {
      method: 'POST',
      body: new URLSearchParams({
        client_id: '11111111-2222-3333-4444-555555555555',
        client_secret: 'sandbox-graph-secret',
        grant_type: 'client_credentials',
        scope: 'https://graph.microsoft.com/.default',
      }),
    },
  )
  return ((await response.json()) as { access_token: string }).access_token
}

async function graph(path: string): Promise<Response> {
  return fetch(`${SANDBOX_URL}/azure/graph/v1.0/${path}`, {
    headers: { authorization: `Bearer ${await graphToken()}` },
  })
}

async function ticket(): Promise<Record<string, unknown>> {
  const response = await fetch(
    `${SANDBOX_URL}/freshservice/api/v2/tickets/4711`,
    {
      headers: { authorization: `Basic ${btoa('sandbox-freshservice-key:X')}` },
    },
  )
  return ((await response.json()) as { ticket: Record<string, unknown> }).ticket
}

describe('the onboarding request, end to end', () => {
  beforeAll(resetSandbox)

  it('creates a new employee, adds them to HR and resolves the ticket', async () => {
    const response = await postHook(HOOK, JSON.stringify(fixture))
    expect(response.status).toBe(202)
    const { jobId } = (await response.json()) as { jobId: string }

    const job = await waitForJob(jobId)
    expect(job.status).toBe('success')
    expect(job.source).toBe('4711')
    expect(job.entity).toBe('ticket')
    expect(job.workflowVersion).toBe(1)
    expect(job.nodes.map((n) => [n.label, n.status])).toEqual([
      ['Get user by username', 'complete_with_errors'],
      ['User exists?', 'success'],
      ['Create user', 'success'],
      ['Look up department group', 'success'],
      ['Add user to group', 'success'],
      ['Resolve ticket', 'success'],
    ])
    expect(job.nodes[0]!.statusCode).toBe(404)
    expect(job.nodes[0]!.message).toContain('does not exist')

    const rows = await logsOf(jobId)
    expect(rows.map((r) => [r.label, r.status])).toEqual([
      ['Resolve ticket', 'success'],
      ['Add user to group', 'success'],
      ['Look up department group', 'success'],
      ['Create user', 'success'],
      ['User exists?', 'success'],
      ['Get user by username', 'complete_with_errors'],
    ])
    for (const row of rows) {
      expect(row).toMatchObject({
        jobId,
        source: '4711',
        entity: 'ticket',
        workflowTitle: 'Employee onboarding',
        test: false,
      })
    }

    const user = (await (
      await graph(`users/${UPN}?$select=id,jobTitle,department`)
    ).json()) as {
      id: string
      jobTitle: string
      department: string
    }
    expect(user).toMatchObject({ jobTitle: 'HR Generalist', department: 'HR' })
    const groups = (await (
      await graph(`users/${user.id}/memberOf`)
    ).json()) as {
      value: { displayName: string }[]
    }
    expect(groups.value.map((g) => g.displayName)).toContain('HR')
    expect((await ticket()).status).toBe(4)
  })

  it('takes the other branch the second time and creates no one', async () => {
    const response = await postHook(HOOK, JSON.stringify(fixture))
    const { jobId } = (await response.json()) as { jobId: string }
    const job = await waitForJob(jobId)
    expect(job.status).toBe('success')
    expect(job.nodes.map((n) => [n.label, n.status])).toEqual([
      ['Get user by username', 'success'],
      ['User exists?', 'success'],
      ['Note: account exists', 'success'],
    ])
    expect(job.nodes[2]!.message).toBe('Added a note to ticket 4711')
    // What the apps hold, read through their own APIs: still one Jacob,
    // and the note on the ticket.
    const users = (await (await graph('users')).json()) as {
      value: { userPrincipalName: string }[]
    }
    expect(users.value.filter((u) => u.userPrincipalName === UPN)).toHaveLength(
      1,
    )
    const notes = await fetch(
      `${SANDBOX_URL}/freshservice/api/v2/tickets/4711/conversations`,
      {
        headers: {
          authorization: `Basic ${btoa('sandbox-freshservice-key:X')}`,
        },
      },
    )
    const { conversations } = (await notes.json()) as {
      conversations: { body: string }[]
    }
    expect(conversations.map((c) => c.body)).toContain(
      'Jacob Whitfield already has an account (' +
        'jacob.whitfield@contoso-hr.example). Nothing was created.',
    )
  })

  it('refuses malformed JSON with 400 and starts nothing', async () => {
    const before = await env.DB.prepare(
      'SELECT (SELECT COUNT(*) FROM jobs) + (SELECT COUNT(*) FROM log_entries) AS n',
    ).first<{ n: number }>()
    const response = await postHook(HOOK, '{"ticket": ')
    expect(response.status).toBe(400)
    const body = (await response.json()) as {
      error: { code: string; message: string }
    }
    expect(body.error.code).toBe('invalid_json')
    expect(body.error.message).toMatch(/not valid JSON.*position 11/)
    const after = await env.DB.prepare(
      'SELECT (SELECT COUNT(*) FROM jobs) + (SELECT COUNT(*) FROM log_entries) AS n',
    ).first<{ n: number }>()
    expect(after?.n).toBe(before?.n)
  })

  it('answers 404 for an unknown workflow', async () => {
    const response = await api('/hooks/nope', { method: 'POST', body: '{}' })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      error: {
        code: 'workflow_not_found',
        message: 'No workflow with id "nope"',
      },
    })
  })
})
