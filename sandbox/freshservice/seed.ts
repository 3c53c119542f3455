// Starting content of the simulated helpdesk. Ticket 4711 is the onboarding
// request of shared/templates/onboarding-request.json; the others give demos
// something to look at next to it.
import { FRESHSERVICE_AGENT, FRESHSERVICE_WORKSPACE_ID } from './accounts'
import {
  htmlToText,
  type Conversation,
  type NamedEntity,
  type RequestedItem,
  type Requester,
  type Ticket,
} from './model'

export const DEPARTMENTS: NamedEntity[] = [
  { id: 19000007, name: 'HR' },
  { id: 19000008, name: 'IT' },
  { id: 19000009, name: 'Finance' },
]

export const AGENT_GROUPS: NamedEntity[] = [
  { id: 19000010, name: 'Service Desk' },
  { id: 19000011, name: 'HR Operations' },
  { id: 19000012, name: 'IT Infrastructure' },
]

export function seedRequesters(): Requester[] {
  return [
    requester(19000042, 'Priya', 'Raman', 19000007),
    requester(19000043, 'Marcus', 'Lee', 19000008),
    requester(19000044, 'Elena', 'Garcia', 19000009),
  ]
}

function requester(
  id: number,
  first: string,
  last: string,
  department: number,
): Requester {
  return {
    id,
    first_name: first,
    last_name: last,
    primary_email: `${first}.${last}@contoso-hr.example`.toLowerCase(),
    mobile_phone_number: null,
    department_ids: [department],
  }
}

const ONBOARDING_FIELDS = {
  first_name: 'Jacob',
  last_name: 'Whitfield',
  job_title: 'HR Generalist',
  department: 'HR',
  start_date: '2027-01-04',
  manager_email: 'priya.raman@contoso-hr.example',
  username: 'jacob.whitfield@contoso-hr.example',
  usage_location: 'US',
}

export type TicketSeed = Pick<
  Ticket,
  | 'id'
  | 'type'
  | 'subject'
  | 'description'
  | 'status'
  | 'priority'
  | 'source'
  | 'requester_id'
  | 'group_id'
  | 'department_id'
  | 'category'
  | 'custom_fields'
  | 'tags'
  | 'created_at'
> & { updated_at?: string }

const TICKETS: TicketSeed[] = [
  {
    id: 4711,
    type: 'Service Request',
    subject: 'Employee onboarding: Jacob Whitfield (HR)',
    description:
      '<div>Please onboard Jacob Whitfield, HR Generalist in HR, starting ' +
      '2027-01-04. Manager: Priya Raman.</div>',
    status: 2,
    priority: 2,
    source: 2,
    requester_id: 19000042,
    group_id: 19000011,
    department_id: 19000007,
    category: 'Employee Onboarding',
    custom_fields: { ...ONBOARDING_FIELDS },
    tags: ['onboarding'],
    created_at: '2026-12-01T08:15:42Z',
  },
  {
    id: 4698,
    type: 'Incident',
    subject: 'VPN drops every few minutes when working from home',
    description:
      '<div>Since Monday the VPN client disconnects every 5 to 10 minutes.' +
      '</div>',
    status: 3,
    priority: 3,
    source: 1,
    requester_id: 19000044,
    group_id: 19000012,
    department_id: 19000009,
    category: 'Network',
    custom_fields: {},
    tags: ['vpn'],
    created_at: '2026-11-27T13:02:10Z',
    updated_at: '2026-11-28T09:40:00Z',
  },
  {
    id: 4702,
    type: 'Service Request',
    subject: 'Access change: add Marcus Lee to the Finance SharePoint site',
    description:
      '<div>Marcus needs read access to the Finance site for the budget ' +
      'review. Approved by Elena Garcia.</div>',
    status: 2,
    priority: 1,
    source: 2,
    requester_id: 19000043,
    group_id: 19000010,
    department_id: 19000008,
    category: 'Access Management',
    custom_fields: {},
    tags: ['access-change'],
    created_at: '2026-11-29T16:20:05Z',
  },
]

function addDays(iso: string, days: number): string {
  const time = new Date(iso).getTime() + days * 24 * 3600 * 1000
  return new Date(time).toISOString().slice(0, 19) + 'Z'
}

export function buildTicket(seed: TicketSeed): Ticket {
  return {
    ...seed,
    custom_fields: { ...seed.custom_fields },
    tags: [...seed.tags],
    workspace_id: FRESHSERVICE_WORKSPACE_ID,
    description_text: htmlToText(seed.description),
    requested_for_id: seed.requester_id,
    responder_id: null,
    sub_category: null,
    item_category: null,
    due_by: addDays(seed.created_at, 3),
    fr_due_by: addDays(seed.created_at, 1),
    fr_escalated: false,
    is_escalated: false,
    spam: false,
    email_config_id: null,
    cc_emails: [],
    fwd_emails: [],
    reply_cc_emails: [],
    to_emails: null,
    attachments: [],
    updated_at: seed.updated_at ?? seed.created_at,
  }
}

export function seedTickets(): Ticket[] {
  return TICKETS.map(buildTicket)
}

export function seedConversations(): Conversation[] {
  const reply = '<div>It happens on both Wi-Fi and cable.</div>'
  const note = '<div>Asked for client logs; waiting on the requester.</div>'
  return [
    {
      id: 19000300101,
      ticket_id: 4698,
      user_id: 19000044,
      body: reply,
      body_text: htmlToText(reply),
      private: false,
      incoming: true,
      source: 0,
      to_emails: [],
      support_email: 'support@contoso-hr-sandbox.freshservice.com',
      attachments: [],
      created_at: '2026-11-27T15:11:00Z',
      updated_at: '2026-11-27T15:11:00Z',
    },
    {
      id: 19000300102,
      ticket_id: 4698,
      user_id: FRESHSERVICE_AGENT.id,
      body: note,
      body_text: htmlToText(note),
      private: true,
      incoming: false,
      source: 2,
      to_emails: [],
      support_email: null,
      attachments: [],
      created_at: '2026-11-28T09:40:00Z',
      updated_at: '2026-11-28T09:40:00Z',
    },
  ]
}

export function seedRequestedItems(): Map<number, RequestedItem[]> {
  return new Map([
    [
      4711,
      [
        {
          id: 19000500011,
          service_item_id: 17,
          service_item_name: 'Employee Onboarding',
          quantity: 1,
          stage: 1,
          loaned: false,
          cost_per_request: 0,
          remarks: null,
          delivery_time: 72,
          is_parent: true,
          custom_fields: { ...ONBOARDING_FIELDS },
          created_at: '2026-12-01T08:15:42Z',
          updated_at: '2026-12-01T08:15:42Z',
        },
      ],
    ],
  ])
}
