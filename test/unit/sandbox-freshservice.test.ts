// The Freshservice sandbox, driven in-process: auth, tickets, notes and
// conversations, error bodies, and the seed matching the onboarding fixture.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import fixture from '../../shared/templates/onboarding-request.json'
import { createSandboxApp } from '../../sandbox/app'
import {
  FRESHSERVICE_AGENT,
  FRESHSERVICE_API_KEY,
} from '../../sandbox/freshservice/accounts'

// Bodies are read freely after the status has been asserted.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>

const basic = (user: string, password = 'X') =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/

let sandbox: ReturnType<typeof createSandboxApp>
beforeEach(() => {
  sandbox = createSandboxApp()
})
afterEach(() => {
  vi.useRealTimers()
})

interface DeskOptions {
  body?: unknown
  rawBody?: string
  auth?: string | null
  contentType?: string
}

async function desk(method: string, path: string, opts: DeskOptions = {}) {
  const headers: Record<string, string> = {}
  const auth = opts.auth === undefined ? basic(FRESHSERVICE_API_KEY) : opts.auth
  if (auth) headers.authorization = auth
  const payload =
    opts.body !== undefined ? JSON.stringify(opts.body) : opts.rawBody
  if (payload !== undefined) {
    headers['content-type'] = opts.contentType ?? 'application/json'
  }
  const res = await sandbox.app.request(`/freshservice/api/v2${path}`, {
    method,
    headers,
    body: payload,
  })
  const text = await res.text()
  return { status: res.status, body: JSON.parse(text) as Body, res }
}

const fieldError = (field: string, code: string, message: string) => ({
  description: 'Validation failed',
  errors: [{ field, code, message }],
})

describe('authentication', () => {
  const denied = {
    code: 'invalid_credentials',
    message: 'You have to be logged in to perform this action.',
  }

  it.each([
    ['no Authorization header', null],
    ['a wrong API key', basic('not-the-key')],
    ['a bearer token', 'Bearer sandbox-freshservice-key'],
  ])('rejects %s with 401', async (_, auth) => {
    const got = await desk('GET', '/tickets/4711', { auth })
    expect(got.status).toBe(401)
    expect(got.body).toEqual(denied)
  })

  it('takes the key as the Basic user name, whatever the password', async () => {
    for (const auth of [
      basic(FRESHSERVICE_API_KEY, 'anything'),
      basic(FRESHSERVICE_API_KEY, ''),
    ]) {
      expect((await desk('GET', '/tickets/4711', { auth })).status).toBe(200)
    }
  })
})

describe('tickets', () => {
  it('serves ticket 4711 as the onboarding fixture describes it', async () => {
    const got = await desk('GET', '/tickets/4711?include=requester')
    expect(got.status).toBe(200)
    const ticket = got.body.ticket
    const expected = fixture.ticket
    expect(ticket).toMatchObject({
      id: expected.id,
      type: expected.type,
      subject: expected.subject,
      status: expected.status,
      priority: expected.priority,
      requester_id: expected.requester.id,
      created_at: expected.created_at,
      custom_fields: expected.requested_item.custom_fields,
    })
    expect(ticket.requester).toMatchObject({
      id: expected.requester.id,
      name: expected.requester.name,
      email: expected.requester.email,
    })
    expect(ticket.custom_fields.department).toBe(expected.department)
    expect(ticket.updated_at).toMatch(ISO_Z)
    expect(ticket.description_text).not.toContain('<')

    const items = await desk('GET', '/tickets/4711/requested_items')
    expect(items.body.requested_items[0]).toMatchObject({
      service_item_name: expected.requested_item.name,
      custom_fields: expected.requested_item.custom_fields,
    })
  })

  it('answers 404 for unknown tickets and rejects unknown embeds', async () => {
    for (const path of ['/tickets/999999', '/tickets/abc']) {
      const got = await desk('GET', path)
      expect(got.status).toBe(404)
      expect(got.body).toEqual({
        code: 'not_found',
        message: 'Record not found',
      })
    }
    const embed = await desk('GET', '/tickets/4711?include=stats')
    expect(embed.status).toBe(400)
    expect(embed.body.errors[0]).toMatchObject({
      field: 'include',
      code: 'invalid_value',
    })
  })

  it('lists tickets newest first, paged with a link header', async () => {
    const first = await desk('GET', '/tickets?per_page=2')
    expect(first.body.tickets.map((t: Body) => t.id)).toEqual([4711, 4702])
    const link = /^<([^>]+)>; rel="next"$/.exec(
      first.res.headers.get('link') ?? '',
    )
    const next = new URL(link?.[1] ?? 'http://missing')
    expect(next.pathname).toBe('/freshservice/api/v2/tickets')
    expect(next.searchParams.get('page')).toBe('2')
    const second = await desk('GET', '/tickets?page=2&per_page=2')
    expect(second.body.tickets.map((t: Body) => t.id)).toEqual([4698])
    expect(second.res.headers.get('link')).toBeNull()
    expect((await desk('GET', '/tickets?per_page=101')).status).toBe(400)
  })

  it('updates partially and moves updated_at', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-02T10:00:00Z'))
    const got = await desk('PUT', '/tickets/4711', {
      body: {
        status: 4,
        priority: 3,
        tags: ['onboarding', 'done'],
        custom_fields: { job_title: 'Senior HR Generalist' },
      },
    })
    expect(got.status).toBe(200)
    expect(got.body.ticket).toMatchObject({
      id: 4711,
      status: 4,
      priority: 3,
      subject: fixture.ticket.subject,
      tags: ['onboarding', 'done'],
      updated_at: '2026-12-02T10:00:00Z',
      created_at: fixture.ticket.created_at,
    })
    expect(got.body.ticket.custom_fields).toMatchObject({
      job_title: 'Senior HR Generalist',
      first_name: 'Jacob',
    })
    const read = await desk('GET', '/tickets/4711')
    expect(read.body.ticket.status).toBe(4)
  })

  it('rejects invalid values with the API’s validation body', async () => {
    const status = await desk('PUT', '/tickets/4711', { body: { status: 9 } })
    expect(status.status).toBe(400)
    expect(status.body).toEqual(
      fieldError(
        'status',
        'invalid_value',
        "It should be one of these values: '2,3,4,5'",
      ),
    )
    const priority = await desk('PUT', '/tickets/4711', {
      body: { priority: 0 },
    })
    expect(priority.body).toEqual(
      fieldError(
        'priority',
        'invalid_value',
        "It should be one of these values: '1,2,3,4'",
      ),
    )
    const type = await desk('PUT', '/tickets/4711', {
      body: { status: 'Resolved' },
    })
    expect(type.body).toEqual(
      fieldError(
        'status',
        'datatype_mismatch',
        'Value set is of type String.It should be a/an Integer',
      ),
    )
  })

  it('reports every problem at once and changes nothing', async () => {
    const got = await desk('PUT', '/tickets/4711', {
      body: {
        subject: 'Changed',
        owner: 'me',
        group_id: 1,
        custom_fields: { shoe_size: 44 },
      },
    })
    expect(got.status).toBe(400)
    expect(got.body.errors).toEqual([
      {
        field: 'owner',
        code: 'invalid_field',
        message: 'Unexpected/invalid field in request',
      },
      {
        field: 'group_id',
        code: 'invalid_value',
        message: 'There is no group matching the given group_id',
      },
      {
        field: 'shoe_size',
        code: 'invalid_field',
        message: 'Unexpected/invalid field in request',
      },
    ])
    const read = await desk('GET', '/tickets/4711')
    expect(read.body.ticket.subject).toBe(fixture.ticket.subject)
  })

  it('insists on a JSON body', async () => {
    const form = await desk('PUT', '/tickets/4711', {
      rawBody: 'status=4',
      contentType: 'application/x-www-form-urlencoded',
    })
    expect(form.status).toBe(415)
    expect(form.body.code).toBe('invalid_content_type')
    const broken = await desk('PUT', '/tickets/4711', { rawBody: '{"status":' })
    expect(broken.status).toBe(400)
    expect(broken.body).toEqual({
      code: 'invalid_json',
      message: 'Request body has invalid json format',
    })
    const missing = await desk('PUT', '/tickets/1', { body: { status: 4 } })
    expect(missing.status).toBe(404)
  })

  it('creates tickets, adding an unknown requester on the fly', async () => {
    const got = await desk('POST', '/tickets', {
      body: {
        email: 'new.person@contoso-hr.example',
        subject: 'Laptop will not boot',
        description: '<p>Black screen since this morning.</p>',
        status: 2,
        priority: 3,
        source: 2,
      },
    })
    expect(got.status).toBe(201)
    expect(got.body.ticket).toMatchObject({
      id: 4712,
      type: 'Incident',
      subject: 'Laptop will not boot',
      description_text: 'Black screen since this morning.',
      priority: 3,
    })
    expect(got.body.ticket.created_at).toMatch(ISO_Z)
    const read = await desk('GET', '/tickets/4712?include=requester')
    expect(read.body.ticket.requester.email).toBe(
      'new.person@contoso-hr.example',
    )
  })

  it('requires a requester and the mandatory fields on create', async () => {
    const got = await desk('POST', '/tickets', { body: { subject: 'x' } })
    expect(got.status).toBe(400)
    expect(got.body.errors.map((e: Body) => [e.field, e.code])).toEqual([
      ['requester_id', 'missing_field'],
      ['description', 'missing_field'],
      ['status', 'missing_field'],
      ['priority', 'missing_field'],
    ])
    const unknown = await desk('POST', '/tickets', {
      body: {
        requester_id: 1,
        subject: 's',
        description: 'd',
        status: 2,
        priority: 1,
      },
    })
    expect(unknown.body.errors[0]).toMatchObject({
      field: 'requester_id',
      code: 'invalid_value',
    })
  })
})

describe('notes and conversations', () => {
  it('adds a private note as the API key’s agent', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-02T11:30:00Z'))
    const got = await desk('POST', '/tickets/4711/notes', {
      body: { body: '<p>Account <b>created</b> &amp; added to HR.</p>' },
    })
    expect(got.status).toBe(201)
    expect(got.body.conversation).toMatchObject({
      id: expect.any(Number),
      body: '<p>Account <b>created</b> &amp; added to HR.</p>',
      body_text: 'Account created & added to HR.',
      private: true,
      incoming: false,
      user_id: FRESHSERVICE_AGENT.id,
      ticket_id: 4711,
      created_at: '2026-12-02T11:30:00Z',
      updated_at: '2026-12-02T11:30:00Z',
    })
    const ticket = await desk('GET', '/tickets/4711')
    expect(ticket.body.ticket.updated_at).toBe('2026-12-02T11:30:00Z')
    const list = await desk('GET', '/tickets/4711/conversations')
    expect(list.status).toBe(200)
    expect(list.body.conversations).toEqual([got.body.conversation])
  })

  it('keeps a public note public', async () => {
    const got = await desk('POST', '/tickets/4711/notes', {
      body: { body: 'Welcome aboard!', private: false },
    })
    expect(got.body.conversation.private).toBe(false)
  })

  it('rejects a note without body or with bad fields', async () => {
    const missing = await desk('POST', '/tickets/4711/notes', {
      body: { private: true },
    })
    expect(missing.status).toBe(400)
    expect(missing.body).toEqual(
      fieldError('body', 'missing_field', 'It should be a/an String'),
    )
    const bad = await desk('POST', '/tickets/4711/notes', {
      body: { body: 'x', private: 'yes', colour: 'red' },
    })
    expect(bad.body.errors.map((e: Body) => [e.field, e.code])).toEqual([
      ['private', 'datatype_mismatch'],
      ['colour', 'invalid_field'],
    ])
    const list = await desk('GET', '/tickets/4711/conversations')
    expect(list.body.conversations).toEqual([])
    const nowhere = await desk('POST', '/tickets/999999/notes', {
      body: { body: 'x' },
    })
    expect(nowhere.status).toBe(404)
  })

  it('lists the seeded conversation of the incident', async () => {
    const got = await desk('GET', '/tickets/4698/conversations')
    expect(got.body.conversations.map((c: Body) => c.incoming)).toEqual([
      true,
      false,
    ])
    expect(got.body.conversations[0].created_at).toMatch(ISO_Z)
  })
})

describe('routes and reset', () => {
  it('answers unknown routes in the API’s error shape', async () => {
    const got = await desk('GET', '/problems')
    expect(got.status).toBe(404)
    expect(got.body.code).toBe('not_found')
    expect(typeof got.body.message).toBe('string')
  })

  it('restores the seed on POST /_sandbox/reset', async () => {
    await desk('PUT', '/tickets/4711', { body: { status: 5 } })
    await desk('POST', '/tickets/4711/notes', { body: { body: 'x' } })
    const reset = await sandbox.app.request('/_sandbox/reset', {
      method: 'POST',
    })
    expect(reset.status).toBe(204)
    const ticket = await desk('GET', '/tickets/4711')
    expect(ticket.body.ticket.status).toBe(2)
    const list = await desk('GET', '/tickets/4711/conversations')
    expect(list.body.conversations).toEqual([])
    const index = (await (
      await sandbox.app.request('/_sandbox')
    ).json()) as Body
    expect(index.vendors.freshservice.apiKey).toBe(FRESHSERVICE_API_KEY)
  })
})
