import type { AppSpec, Choice } from './types'

const statuses: Choice[] = [
  { value: 2, label: 'Open' },
  { value: 3, label: 'Pending' },
  { value: 4, label: 'Resolved' },
  { value: 5, label: 'Closed' },
]

const priorities: Choice[] = [
  { value: 1, label: 'Low' },
  { value: 2, label: 'Medium' },
  { value: 3, label: 'High' },
  { value: 4, label: 'Urgent' },
]

export const serviceDesk: AppSpec = {
  id: 'service_desk',
  name: 'Service desk (Freshservice)',
  category: 'Service desk',
  description:
    'Tickets of the service desk that triggers the workflows, through ' +
    'the Freshservice API v2 with an agent API key.',
  configuration: [
    {
      name: 'baseUrl',
      label: 'Helpdesk URL',
      type: 'text',
      required: true,
      description: 'Address of the service desk',
      example: 'https://acme.freshservice.com',
    },
    {
      name: 'apiKey',
      label: 'API key',
      type: 'text',
      required: true,
      secret: true,
      description: 'API key of the agent the workflow acts as',
    },
  ],
  actions: [
    {
      id: 'add_note',
      label: 'Add note to ticket',
      description: 'Adds a note to the ticket’s conversation.',
      effect: 'write',
      inputs: [
        {
          name: 'ticketId',
          label: 'Ticket id',
          type: 'number',
          required: true,
          description: 'Number of the ticket',
          example: '{{trigger.ticket.id}}',
        },
        {
          name: 'body',
          label: 'Note',
          type: 'text',
          required: true,
          description: 'Text of the note (HTML allowed)',
        },
        {
          name: 'private',
          label: 'Private',
          type: 'boolean',
          default: true,
          description: 'Visible to agents only',
        },
      ],
      outputs: [
        {
          name: 'id',
          label: 'Note id',
          type: 'number',
          description: 'Id of the new note',
        },
        {
          name: 'ticketId',
          label: 'Ticket id',
          type: 'number',
          description: 'The ticket the note was added to',
        },
        {
          name: 'body',
          label: 'Note',
          type: 'text',
          description: 'Text of the note',
        },
        {
          name: 'private',
          label: 'Private',
          type: 'boolean',
          description: 'Visible to agents only',
        },
        {
          name: 'createdAt',
          label: 'Created at',
          type: 'text',
          description: 'When the note was added (UTC)',
        },
      ],
    },
    {
      id: 'update_ticket',
      label: 'Update ticket',
      description:
        'Changes the ticket’s status, priority or subject; set status to ' +
        'Resolved to resolve it. Fields left empty are not changed.',
      effect: 'write',
      inputs: [
        {
          name: 'ticketId',
          label: 'Ticket id',
          type: 'number',
          required: true,
          description: 'Number of the ticket',
          example: '{{trigger.ticket.id}}',
        },
        {
          name: 'status',
          label: 'Status',
          type: 'choice',
          choices: statuses,
          description: 'New status',
        },
        {
          name: 'priority',
          label: 'Priority',
          type: 'choice',
          choices: priorities,
          description: 'New priority',
        },
        {
          name: 'subject',
          label: 'Subject',
          type: 'text',
          description: 'New subject',
        },
      ],
      outputs: [
        {
          name: 'id',
          label: 'Ticket id',
          type: 'number',
          description: 'Number of the ticket',
        },
        {
          name: 'subject',
          label: 'Subject',
          type: 'text',
          description: 'Subject',
        },
        {
          name: 'status',
          label: 'Status',
          type: 'number',
          description: '2 Open, 3 Pending, 4 Resolved, 5 Closed',
        },
        {
          name: 'priority',
          label: 'Priority',
          type: 'number',
          description: '1 Low, 2 Medium, 3 High, 4 Urgent',
        },
        {
          name: 'updatedAt',
          label: 'Updated at',
          type: 'text',
          description: 'When the ticket last changed (UTC)',
        },
      ],
    },
  ],
}
