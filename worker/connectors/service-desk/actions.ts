import type { Configuration } from '../../db/configurations'
import { callApi, joinUrl, type ApiRequest, type ApiResponse } from '../http'
import type { ActionHandler, ActionOutcome } from '../types'

/** Freshservice API v2: the agent's API key as the Basic user name. */
function deskCall(
  config: Configuration,
  method: ApiRequest['method'],
  path: string,
  body?: unknown,
): Promise<ApiResponse> {
  const key = config.secrets.apiKey ?? ''
  return callApi({
    method,
    url: joinUrl(config.settings.baseUrl ?? '', `api/v2/${path}`),
    headers: { authorization: `Basic ${btoa(`${key}:X`)}` },
    body,
  })
}

/**
 * The service desk's own words: validation errors name each field, other
 * errors carry a code and a message.
 */
function deskErrorText(response: ApiResponse): string {
  const body = (response.body ?? {}) as {
    description?: string
    message?: string
    errors?: { field?: string; message?: string }[]
  }
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    const fields = body.errors
      .map((e) => `${e.field ?? '?'}: ${e.message ?? 'invalid'}`)
      .join('; ')
    return `${body.description ?? 'Validation failed'} (${fields})`
  }
  return body.message ?? `The service desk answered HTTP ${response.status}`
}

function answered(response: ApiResponse, what: string): ActionOutcome {
  return {
    statusCode: response.status,
    message: `${what}: ${deskErrorText(response)}`,
    output: {},
  }
}

const addNote: ActionHandler = async ({ configuration, inputs }) => {
  const ticketId = Number(inputs.ticketId)
  const response = await deskCall(
    configuration,
    'POST',
    `tickets/${ticketId}/notes`,
    { body: inputs.body, private: inputs.private ?? true },
  )
  if (response.status !== 201) {
    return answered(response, `Could not add a note to ticket ${ticketId}`)
  }
  const note = ((response.body as { conversation?: Record<string, unknown> })
    ?.conversation ?? {}) as Record<string, unknown>
  return {
    statusCode: 201,
    message: `Added a note to ticket ${ticketId}`,
    output: {
      id: note.id ?? null,
      ticketId: note.ticket_id ?? ticketId,
      body: note.body ?? null,
      private: note.private ?? null,
      createdAt: note.created_at ?? null,
    },
  }
}

const STATUS_WORDS: Record<number, string> = {
  2: 'Open',
  3: 'Pending',
  4: 'Resolved',
  5: 'Closed',
}

const updateTicket: ActionHandler = async ({ configuration, inputs }) => {
  const ticketId = Number(inputs.ticketId)
  const changes: Record<string, unknown> = {}
  for (const field of ['status', 'priority', 'subject']) {
    if (inputs[field] !== undefined) changes[field] = inputs[field]
  }
  const response = await deskCall(
    configuration,
    'PUT',
    `tickets/${ticketId}`,
    changes,
  )
  if (response.status !== 200) {
    return answered(response, `Could not update ticket ${ticketId}`)
  }
  const ticket = ((response.body as { ticket?: Record<string, unknown> })
    ?.ticket ?? {}) as Record<string, unknown>
  const status = STATUS_WORDS[Number(ticket.status)]
  return {
    statusCode: 200,
    message:
      changes.status === 4
        ? `Resolved ticket ${ticketId}`
        : `Updated ticket ${ticketId}` + (status ? ` (now ${status})` : ''),
    output: {
      id: ticket.id ?? ticketId,
      subject: ticket.subject ?? null,
      status: ticket.status ?? null,
      priority: ticket.priority ?? null,
      updatedAt: ticket.updated_at ?? null,
    },
  }
}

export const serviceDeskActions: Record<string, ActionHandler> = {
  add_note: addNote,
  update_ticket: updateTicket,
}
