import { toText } from '../placeholders/resolve'

/** How a rule compares: as text, as numbers, or as a list of items. */
export type CompareAs = 'text' | 'number' | 'list'

export const OPERATORS = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'greater_than',
  'greater_or_equal',
  'less_than',
  'less_or_equal',
  'between',
  'is_empty',
  'is_not_empty',
] as const

export type Operator = (typeof OPERATORS)[number]

/** Operators offered for each comparison type, in the editor's order. */
export const OPERATORS_BY_TYPE: Record<CompareAs, readonly Operator[]> = {
  text: [
    'equals',
    'not_equals',
    'contains',
    'not_contains',
    'is_empty',
    'is_not_empty',
  ],
  number: [
    'equals',
    'not_equals',
    'greater_than',
    'greater_or_equal',
    'less_than',
    'less_or_equal',
    'between',
    'is_empty',
    'is_not_empty',
  ],
  list: ['contains', 'not_contains', 'is_empty', 'is_not_empty'],
}

export const OPERATOR_LABELS: Record<Operator, string> = {
  equals: 'equals',
  not_equals: 'does not equal',
  contains: 'contains',
  not_contains: 'does not contain',
  greater_than: 'is greater than',
  greater_or_equal: 'is greater than or equal to',
  less_than: 'is less than',
  less_or_equal: 'is less than or equal to',
  between: 'is between',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
}

/** Operators that need no operand, and the one that needs two. */
export const UNARY_OPERATORS: ReadonlySet<Operator> = new Set([
  'is_empty',
  'is_not_empty',
])

/** A comparison could not be made; the message names the value. */
export class ConditionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConditionError'
  }
}

/**
 * Empty means nothing there: missing, null, blank text, [] or {}.
 * 0 and false are values, not emptiness (C09).
 */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.keys(value).length === 0
  return false
}

/**
 * A number from a number or from numeric text ("10", " 2.5 "), since many
 * APIs send numbers as strings (C07). Anything else is an error that names
 * the value, never a silent false.
 */
export function toNumber(value: unknown, role: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value.trim())
    if (Number.isFinite(number)) return number
  }
  const shown = value === undefined ? 'nothing' : JSON.stringify(value)
  throw new ConditionError(`The ${role} is not a number: ${shown}`)
}

/** The items of a list value; a single value counts as a list of one. */
export function toList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (value === undefined || value === null) return []
  return [value]
}

/** Whether a list item matches the operand, compared as text. */
export function itemMatches(item: unknown, operand: unknown): boolean {
  return toText(item) === toText(operand)
}
