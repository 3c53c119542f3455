// Field-by-field validation of ticket and note bodies. All problems are
// collected and reported together, as Freshservice does, and nothing is
// written unless the list is empty.
import { FRESHSERVICE_AGENT } from './accounts'
import type { FieldError } from './errors'
import {
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATUSES,
  type CustomFieldValue,
  type Ticket,
} from './model'
import { AGENT_GROUPS, DEPARTMENTS } from './seed'

type Problem = Omit<FieldError, 'field'>
type Rule = (value: unknown) => Problem | undefined

const TICKET_TYPES = ['Incident', 'Service Request']

function jsonTypeName(value: unknown): string {
  if (value === null) return 'Null'
  if (Array.isArray(value)) return 'Array'
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'Integer' : 'Float'
  const name = typeof value
  return name.charAt(0).toUpperCase() + name.slice(1)
}

// The API's own wording, including the missing space after the period.
const mismatch = (value: unknown, expected: string): Problem => ({
  code: 'datatype_mismatch',
  message:
    `Value set is of type ${jsonTypeName(value)}.` +
    `It should be a/an ${expected}`,
})

const oneOf =
  (allowed: readonly (number | string)[]): Rule =>
  (value) => {
    const numeric = typeof allowed[0] === 'number'
    if (numeric ? !Number.isInteger(value) : typeof value !== 'string') {
      return mismatch(value, numeric ? 'Integer' : 'String')
    }
    if (allowed.includes(value as number | string)) return undefined
    return {
      code: 'invalid_value',
      message: `It should be one of these values: '${allowed.join(',')}'`,
    }
  }

const text =
  (opts: { nullable?: boolean; blank?: boolean } = {}): Rule =>
  (value) => {
    if (value === null && opts.nullable) return undefined
    if (typeof value !== 'string') return mismatch(value, 'String')
    if (!opts.blank && value.trim() === '') {
      return {
        code: 'invalid_value',
        message: 'It should not be blank as this is a mandatory field',
      }
    }
    return undefined
  }

const reference =
  (known: () => number[], what: string): Rule =>
  (value) => {
    if (value === null) return undefined
    if (!Number.isInteger(value)) return mismatch(value, 'Integer')
    if (known().includes(value as number)) return undefined
    return {
      code: 'invalid_value',
      message: `There is no ${what} matching the given ${what}_id`,
    }
  }

const stringList: Rule = (value) =>
  Array.isArray(value) && value.every((v) => typeof v === 'string')
    ? undefined
    : mismatch(value, 'Array')

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const emailRule: Rule = (value) => {
  if (typeof value !== 'string') return mismatch(value, 'String')
  return EMAIL.test(value)
    ? undefined
    : { code: 'invalid_value', message: 'It should be a valid email address' }
}

const boolean: Rule = (value) =>
  typeof value === 'boolean' ? undefined : mismatch(value, 'Boolean')

/** Fields a ticket update may carry (custom_fields is handled apart). */
const UPDATE_RULES: Record<string, Rule> = {
  subject: text(),
  description: text({ blank: true }),
  status: oneOf(TICKET_STATUSES),
  priority: oneOf(TICKET_PRIORITIES),
  source: oneOf(TICKET_SOURCES),
  type: oneOf(TICKET_TYPES),
  group_id: reference(() => AGENT_GROUPS.map((g) => g.id), 'group'),
  department_id: reference(() => DEPARTMENTS.map((d) => d.id), 'department'),
  responder_id: reference(() => [FRESHSERVICE_AGENT.id], 'agent'),
  category: text({ nullable: true }),
  sub_category: text({ nullable: true }),
  item_category: text({ nullable: true }),
  tags: stringList,
}

/** Extra fields accepted on create: who the ticket is for. */
function createRules(requesterIds: number[]): Record<string, Rule> {
  return {
    ...UPDATE_RULES,
    requester_id: (value) => {
      if (!Number.isInteger(value)) return mismatch(value, 'Integer')
      if (requesterIds.includes(value as number)) return undefined
      return {
        code: 'invalid_value',
        message: 'There is no contact matching the given requester_id',
      }
    },
    email: emailRule,
    phone: text(),
    name: text(),
    cc_emails: stringList,
  }
}

const unexpected = (field: string): FieldError => ({
  field,
  code: 'invalid_field',
  message: 'Unexpected/invalid field in request',
})

function checkCustomFields(
  value: unknown,
  known: Record<string, CustomFieldValue> | undefined,
  errors: FieldError[],
): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    errors.push({
      field: 'custom_fields',
      ...mismatch(value, 'key/value pair'),
    })
    return
  }
  for (const [key, inner] of Object.entries(value)) {
    // Custom fields are configured per account; on update only the fields
    // the ticket's form defines exist.
    if (known && !(key in known)) {
      errors.push(unexpected(key))
    } else if (inner !== null && typeof inner === 'object') {
      errors.push({ field: key, ...mismatch(inner, 'String') })
    }
  }
}

function checkFields(
  body: Record<string, unknown>,
  rules: Record<string, Rule>,
  customFields: Record<string, CustomFieldValue> | undefined,
): FieldError[] {
  const errors: FieldError[] = []
  for (const [field, value] of Object.entries(body)) {
    if (field === 'custom_fields') {
      checkCustomFields(value, customFields, errors)
      continue
    }
    const rule = rules[field]
    if (!rule) {
      errors.push(unexpected(field))
      continue
    }
    const problem = rule(value)
    if (problem) errors.push({ field, ...problem })
  }
  return errors
}

export function validateTicketUpdate(
  body: Record<string, unknown>,
  ticket: Ticket,
): FieldError[] {
  return checkFields(body, UPDATE_RULES, ticket.custom_fields)
}

const missing = (field: string, type: string): FieldError => ({
  field,
  code: 'missing_field',
  message: `It should be a/an ${type}`,
})

export function validateTicketCreate(
  body: Record<string, unknown>,
  requesterIds: number[],
): FieldError[] {
  const errors = checkFields(body, createRules(requesterIds), undefined)
  if (!('requester_id' in body) && !('email' in body) && !('phone' in body)) {
    errors.push({
      field: 'requester_id',
      code: 'missing_field',
      message: 'Please fill at least 1 of requester_id, phone, email fields',
    })
  }
  if ('phone' in body && !('email' in body) && !('name' in body)) {
    errors.push(missing('name', 'String'))
  }
  if (!('subject' in body)) errors.push(missing('subject', 'String'))
  if (!('description' in body)) errors.push(missing('description', 'String'))
  if (!('status' in body)) errors.push(missing('status', 'Integer'))
  if (!('priority' in body)) errors.push(missing('priority', 'Integer'))
  return errors
}

const NOTE_RULES: Record<string, Rule> = {
  body: text(),
  private: boolean,
  incoming: boolean,
  notify_emails: (value) => {
    if (!Array.isArray(value)) return mismatch(value, 'Array')
    return value.map(emailRule).find((p) => p !== undefined)
  },
}

export function validateNote(body: Record<string, unknown>): FieldError[] {
  const errors = checkFields(body, NOTE_RULES, undefined)
  if (!('body' in body)) errors.push(missing('body', 'String'))
  return errors
}
