// Ticket conversation routes: add a note, list conversations, and the
// requested items of a service request.
import type { Hono } from 'hono'
import { FRESHSERVICE_AGENT } from './accounts'
import { readJsonBody, validationFailed } from './errors'
import { htmlToText, isoNow, type Conversation } from './model'
import type { ServiceDesk } from './state'
import { loadTicket } from './tickets'
import { validateNote } from './validate'

export function registerConversationRoutes(app: Hono, desk: ServiceDesk): void {
  app.post('/api/v2/tickets/:id/notes', async (c) => {
    const ticket = loadTicket(c, desk)
    if (ticket instanceof Response) return ticket
    const read = await readJsonBody(c)
    if (!read.ok) return read.response
    const errors = validateNote(read.body)
    if (errors.length > 0) return validationFailed(c, errors)
    const { body } = read
    const now = isoNow()
    const html = body.body as string
    const note: Conversation = {
      id: desk.nextConversationId(),
      ticket_id: ticket.id,
      // Notes are authored by the agent whose API key made the call.
      user_id: FRESHSERVICE_AGENT.id,
      body: html,
      body_text: htmlToText(html),
      // Notes default to private in Freshservice.
      private: typeof body.private === 'boolean' ? body.private : true,
      incoming: typeof body.incoming === 'boolean' ? body.incoming : false,
      source: 2,
      to_emails: Array.isArray(body.notify_emails)
        ? [...(body.notify_emails as string[])]
        : [],
      support_email: null,
      attachments: [],
      created_at: now,
      updated_at: now,
    }
    desk.conversations.push(note)
    // A note is activity on the ticket, so the ticket's updated_at moves too.
    ticket.updated_at = now
    return c.json({ conversation: structuredClone(note) }, 201)
  })

  app.get('/api/v2/tickets/:id/conversations', (c) => {
    const ticket = loadTicket(c, desk)
    if (ticket instanceof Response) return ticket
    const conversations = desk.conversations
      .filter((conv) => conv.ticket_id === ticket.id)
      .map((conv) => structuredClone(conv))
    return c.json({ conversations })
  })

  app.get('/api/v2/tickets/:id/requested_items', (c) => {
    const ticket = loadTicket(c, desk)
    if (ticket instanceof Response) return ticket
    // Incidents have no catalog items; the list is simply empty for them.
    const items = desk.requestedItems.get(ticket.id) ?? []
    return c.json({ requested_items: structuredClone(items) })
  })
}
