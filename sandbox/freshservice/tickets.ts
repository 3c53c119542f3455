// /api/v2/tickets routes: list, view, create and update.
import type { Context, Hono } from 'hono'
import { readJsonBody, recordNotFound, validationFailed } from './errors'
import { htmlToText, isoNow, type Ticket } from './model'
import { buildTicket } from './seed'
import type { ServiceDesk } from './state'
import { validateTicketCreate, validateTicketUpdate } from './validate'

const INCLUDES = ['requester', 'requested_for']
const MAX_PER_PAGE = 100

/** Resolves the {id} segment; anything but a known ticket number is a 404. */
export function loadTicket(c: Context, desk: ServiceDesk): Ticket | Response {
  const raw = c.req.param('id') ?? ''
  const ticket = /^\d+$/.test(raw) ? desk.tickets.get(Number(raw)) : undefined
  return ticket ?? recordNotFound(c)
}

/** Writes validated fields onto a ticket and stamps updated_at. */
function applyFields(ticket: Ticket, body: Record<string, unknown>): void {
  const record = ticket as unknown as Record<string, unknown>
  for (const [field, value] of Object.entries(body)) {
    if (field === 'custom_fields') {
      Object.assign(ticket.custom_fields, value)
    } else if (field === 'tags') {
      ticket.tags = [...(value as string[])]
    } else {
      record[field] = value
    }
  }
  if (typeof body.description === 'string') {
    ticket.description_text = htmlToText(body.description)
  }
  ticket.updated_at = isoNow()
}

function contactView(desk: ServiceDesk, id: number) {
  const who = desk.requesters.find((r) => r.id === id)
  if (!who) return null
  return {
    id: who.id,
    name: `${who.first_name} ${who.last_name}`.trim(),
    email: who.primary_email,
    mobile: who.mobile_phone_number,
    phone: null,
  }
}

function ticketView(desk: ServiceDesk, ticket: Ticket, include: string[]) {
  const view: Record<string, unknown> = { ...structuredClone(ticket) }
  if (include.includes('requester')) {
    view.requester = contactView(desk, ticket.requester_id)
  }
  if (include.includes('requested_for')) {
    view.requested_for = contactView(desk, ticket.requested_for_id)
  }
  return view
}

function contactFields(body: Record<string, unknown>) {
  const pick = (k: string) =>
    typeof body[k] === 'string' ? (body[k] as string) : undefined
  return { email: pick('email'), phone: pick('phone'), name: pick('name') }
}

export function registerTicketRoutes(app: Hono, desk: ServiceDesk): void {
  app.get('/api/v2/tickets', (c) => {
    const page = Number(c.req.query('page') ?? '1')
    const perPage = Number(c.req.query('per_page') ?? '30')
    if (!Number.isInteger(page) || page < 1) {
      return validationFailed(c, [
        {
          field: 'page',
          code: 'invalid_value',
          message: 'It should be a Positive Integer',
        },
      ])
    }
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
      return validationFailed(c, [
        {
          field: 'per_page',
          code: 'invalid_value',
          message:
            'It should be a Positive Integer less than or equal to ' +
            String(MAX_PER_PAGE),
        },
      ])
    }
    // Newest first, like the API's default order.
    const all = [...desk.tickets.values()].sort((a, b) =>
      b.created_at.localeCompare(a.created_at),
    )
    const slice = all.slice((page - 1) * perPage, page * perPage)
    if (page * perPage < all.length) {
      const next = new URL(c.req.url)
      next.searchParams.set('page', String(page + 1))
      next.searchParams.set('per_page', String(perPage))
      c.header('link', `<${next.toString()}>; rel="next"`)
    }
    return c.json({ tickets: slice.map((t) => ticketView(desk, t, [])) })
  })

  app.get('/api/v2/tickets/:id', (c) => {
    const ticket = loadTicket(c, desk)
    if (ticket instanceof Response) return ticket
    const include = (c.req.query('include') ?? '').split(',').filter(Boolean)
    const unknown = include.find((name) => !INCLUDES.includes(name))
    if (unknown) {
      return validationFailed(c, [
        {
          field: 'include',
          code: 'invalid_value',
          // Real Freshservice embeds more (stats, conversations, ...); the
          // sandbox lists only the embeds it can produce.
          message: `It should be one of these values: '${INCLUDES.join(',')}'`,
        },
      ])
    }
    return c.json({ ticket: ticketView(desk, ticket, include) })
  })

  app.post('/api/v2/tickets', async (c) => {
    const read = await readJsonBody(c)
    if (!read.ok) return read.response
    const { body } = read
    const requesterIds = desk.requesters.map((r) => r.id)
    const errors = validateTicketCreate(body, requesterIds)
    if (errors.length > 0) return validationFailed(c, errors)
    const requesterId =
      typeof body.requester_id === 'number'
        ? body.requester_id
        : desk.requesterFor(contactFields(body)).id
    const now = isoNow()
    const ticket = buildTicket({
      id: desk.nextTicketId(),
      type: 'Incident',
      subject: '',
      description: '',
      status: 2,
      priority: 1,
      source: 2,
      requester_id: requesterId,
      group_id: null,
      department_id: null,
      category: null,
      custom_fields: {},
      tags: [],
      created_at: now,
    })
    // Contact fields only choose the requester; they are not ticket fields.
    const fields = { ...body }
    for (const key of ['email', 'phone', 'name', 'cc_emails'])
      delete fields[key]
    if (Array.isArray(body.cc_emails)) {
      ticket.cc_emails = [...(body.cc_emails as string[])]
    }
    applyFields(ticket, fields)
    desk.tickets.set(ticket.id, ticket)
    return c.json({ ticket: ticketView(desk, ticket, []) }, 201)
  })

  app.put('/api/v2/tickets/:id', async (c) => {
    const ticket = loadTicket(c, desk)
    if (ticket instanceof Response) return ticket
    const read = await readJsonBody(c)
    if (!read.ok) return read.response
    const errors = validateTicketUpdate(read.body, ticket)
    if (errors.length > 0) return validationFailed(c, errors)
    applyFields(ticket, read.body)
    return c.json({ ticket: ticketView(desk, ticket, []) })
  })
}
