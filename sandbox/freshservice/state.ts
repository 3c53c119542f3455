// In-memory helpdesk: tickets, their conversations and requested items, and
// the requesters tickets can be raised for.
import type { Conversation, RequestedItem, Requester, Ticket } from './model'
import {
  seedConversations,
  seedRequestedItems,
  seedRequesters,
  seedTickets,
} from './seed'

export class ServiceDesk {
  readonly tickets = new Map<number, Ticket>()
  conversations: Conversation[] = []
  requestedItems = new Map<number, RequestedItem[]>()
  requesters: Requester[] = []

  constructor() {
    this.reset()
  }

  reset(): void {
    this.tickets.clear()
    for (const ticket of seedTickets()) this.tickets.set(ticket.id, ticket)
    this.conversations = seedConversations()
    this.requestedItems = seedRequestedItems()
    this.requesters = seedRequesters()
  }

  nextTicketId(): number {
    return Math.max(0, ...this.tickets.keys()) + 1
  }

  nextConversationId(): number {
    return Math.max(19000300100, ...this.conversations.map((c) => c.id)) + 1
  }

  /**
   * Finds the requester a new ticket names by email or phone, creating one on
   * the fly when unknown, as Freshservice does.
   */
  requesterFor(contact: {
    email?: string
    phone?: string
    name?: string
  }): Requester {
    const email = contact.email?.toLowerCase()
    const known = this.requesters.find((r) =>
      email
        ? r.primary_email === email
        : r.mobile_phone_number === contact.phone,
    )
    if (known) return known
    const [first, ...rest] = (contact.name ?? email?.split('@')[0] ?? '')
      .trim()
      .split(/\s+/)
    const requester: Requester = {
      id: Math.max(19000000, ...this.requesters.map((r) => r.id)) + 1,
      first_name: first ?? '',
      last_name: rest.join(' '),
      primary_email: email ?? null,
      mobile_phone_number: contact.phone ?? null,
      department_ids: [],
    }
    this.requesters.push(requester)
    return requester
  }
}
