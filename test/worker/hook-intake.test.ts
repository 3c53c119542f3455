import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { Job } from '../../shared/api'
import { api, postHook, waitForJob } from './helpers'

/**
 * A workflow whose source is the ticket id, and which records the
 * trigger; enough to see what the engine received.
 */
async function createEchoWorkflow(source: string): Promise<string> {
  const response = await api('/api/workflows', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      format: 'switchboard.workflow',
      formatVersion: 1,
      title: 'Echo',
      nodes: [
        {
          id: 'trigger',
          kind: 'trigger',
          label: 'Any request',
          event: 'test',
          entity: 'ticket',
          source,
        },
        {
          id: 'seen',
          kind: 'condition',
          label: 'Has a ticket',
          rules: [{ value: source, operator: 'is_not_empty' }],
        },
      ],
      edges: [{ source: 'trigger', target: 'seen' }],
    }),
  })
  expect(response.status).toBe(201)
  const { id } = (await response.json()) as { id: string }
  const published = await api(`/api/workflows/${id}/publish`, {
    method: 'POST',
  })
  expect(published.status).toBe(201)
  return id
}

async function run(id: string, body: string, type?: string): Promise<Job> {
  const response = await postHook(
    id,
    body,
    type === undefined ? {} : { 'content-type': type },
  )
  expect(response.status).toBe(202)
  const { jobId } = (await response.json()) as { jobId: string }
  return waitForJob(jobId)
}

async function countRows(): Promise<number> {
  const row = await env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM jobs) +
      (SELECT COUNT(*) FROM log_entries) AS n`,
  ).first<{ n: number }>()
  return row!.n
}

describe('reading webhook bodies whatever the content type (C13)', () => {
  const types = [
    'application/json',
    'application/json; charset=utf-8',
    'application/hal+json',
    'application/cloudevents+json; charset=utf-8',
    'text/plain',
    undefined,
  ]

  it.each(types)('reads the ticket id 42 from %s', async (type) => {
    const id = await createEchoWorkflow('{{trigger.ticket.id}}')
    const job = await run(id, '{"ticket": {"id": 42}}', type)
    expect(job.trigger).toEqual({ ticket: { id: 42 } })
    expect(job.source).toBe('42')
    expect(job.nodes[0]!.message).toBe('The condition is true')
  })

  it('exposes form fields under their keys as sent', async () => {
    const id = await createEchoWorkflow('{{trigger["ticket[id]"]}}')
    const job = await run(
      id,
      'ticket%5Bid%5D=42',
      'application/x-www-form-urlencoded',
    )
    expect(job.trigger).toEqual({ 'ticket[id]': '42' })
    expect(job.source).toBe('42')
  })

  it('refuses a type it cannot read with 415 and starts nothing', async () => {
    const id = await createEchoWorkflow('{{trigger.ticket.id}}')
    const before = await countRows()
    const response = await postHook(id, '<ticket id="42"/>', {
      'content-type': 'application/xml',
    })
    expect(response.status).toBe(415)
    expect(await response.json()).toEqual({
      error: {
        code: 'unsupported_media_type',
        message:
          'A webhook body of type application/xml cannot be read; send ' +
          'JSON or application/x-www-form-urlencoded',
      },
    })
    expect(await countRows()).toBe(before)
  })
})

describe('arrays, empty bodies and malformed JSON (C15)', () => {
  it('runs one job with an array at the root', async () => {
    const id = await createEchoWorkflow('{{trigger[1].ticket.id}}')
    const job = await run(
      id,
      '[{"ticket": {"id": 1}}, {"ticket": {"id": 2}}]',
      'application/json',
    )
    expect(job.source).toBe('2')
  })

  it('runs with an empty object for an empty body', async () => {
    const id = await createEchoWorkflow('{{trigger.ticket.id}}')
    const job = await run(id, '', 'application/json')
    expect(job.trigger).toEqual({})
    expect(job.source).toBe('')
    expect(job.nodes[0]!.message).toBe('The condition is false')
  })

  it('answers 400 naming the position for truncated JSON', async () => {
    const id = await createEchoWorkflow('{{trigger.ticket.id}}')
    const before = await countRows()
    const response = await postHook(id, '{"ticket": ')
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: { message: string } }
    expect(error.message).toMatch(
      /^The request body is not valid JSON: .* position 11$/,
    )
    expect(await countRows()).toBe(before)
  })
})

describe('workflows that cannot run', () => {
  it('answers 405 to a webhook called with GET', async () => {
    const response = await api('/hooks/employee-onboarding')
    expect(response.status).toBe(405)
    expect(await response.json()).toEqual({
      error: {
        code: 'method_not_allowed',
        message: 'A webhook is called with POST and the request as its body',
      },
    })
  })

  it('answers 409 for a workflow that was never published', async () => {
    const created = await api('/api/workflows', {
      method: 'POST',
      body: JSON.stringify({
        format: 'switchboard.workflow',
        formatVersion: 1,
        title: 'Draft only',
        nodes: [
          {
            id: 'trigger',
            kind: 'trigger',
            label: 'T',
            event: 'e',
            entity: 'ticket',
            source: '',
          },
        ],
        edges: [],
      }),
    })
    const { id } = (await created.json()) as { id: string }
    const response = await postHook(id, '{}')
    expect(response.status).toBe(409)
    const body = (await response.json()) as { error: { code: string } }
    expect(body.error.code).toBe('not_published')
  })
})

describe('payloads nested too deep', () => {
  it('refuses them with 400 before any job exists', async () => {
    const id = await createEchoWorkflow('{{trigger.ticket.id}}')
    const before = await countRows()
    const body = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)
    const response = await postHook(id, body)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_request',
        message:
          'The request body nests objects and lists deeper than 64 levels',
      },
    })
    expect(await countRows()).toBe(before)
  })
})
