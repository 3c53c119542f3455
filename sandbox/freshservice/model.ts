// Shapes of the simulated Freshservice records, named as the v2 API names
// them on the wire.

export type CustomFieldValue = string | number | boolean | null

export interface Ticket {
  id: number
  workspace_id: number
  type: string
  subject: string
  description: string
  description_text: string
  status: number
  priority: number
  source: number
  requester_id: number
  requested_for_id: number
  responder_id: number | null
  group_id: number | null
  department_id: number | null
  category: string | null
  sub_category: string | null
  item_category: string | null
  due_by: string
  fr_due_by: string
  fr_escalated: boolean
  is_escalated: boolean
  spam: boolean
  email_config_id: number | null
  cc_emails: string[]
  fwd_emails: string[]
  reply_cc_emails: string[]
  to_emails: string[] | null
  custom_fields: Record<string, CustomFieldValue>
  tags: string[]
  attachments: unknown[]
  created_at: string
  updated_at: string
}

export interface Conversation {
  id: number
  ticket_id: number
  user_id: number
  body: string
  body_text: string
  private: boolean
  incoming: boolean
  source: number
  to_emails: string[]
  support_email: string | null
  attachments: unknown[]
  created_at: string
  updated_at: string
}

export interface RequestedItem {
  id: number
  service_item_id: number
  service_item_name: string
  quantity: number
  stage: number
  loaned: boolean
  cost_per_request: number
  remarks: string | null
  delivery_time: number
  is_parent: boolean
  custom_fields: Record<string, CustomFieldValue>
  created_at: string
  updated_at: string
}

export interface Requester {
  id: number
  first_name: string
  last_name: string
  primary_email: string | null
  mobile_phone_number: string | null
  department_ids: number[]
}

export interface NamedEntity {
  id: number
  name: string
}

/** Ticket status codes: 2 Open, 3 Pending, 4 Resolved, 5 Closed. */
export const TICKET_STATUSES = [2, 3, 4, 5]
/** Ticket priority codes: 1 Low, 2 Medium, 3 High, 4 Urgent. */
export const TICKET_PRIORITIES = [1, 2, 3, 4]
/** Ticket sources: 1 Email, 2 Portal, 3 Phone, 4 Chat, ..., 10 Workflow. */
export const TICKET_SOURCES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

/** Freshservice prints times as ISO 8601 UTC, whole seconds, with Z. */
export function isoNow(): string {
  return new Date().toISOString().slice(0, 19) + 'Z'
}

/** Plain-text twin of an HTML body, as description_text/body_text carry. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim()
}
