import type { FieldSpec } from '../../../shared/catalog'
import { parseJsonTemplate } from '../../../shared/placeholders/json-template'
import { PlaceholderSyntaxError } from '../../../shared/placeholders/parse'
import type { InputValue, InspectorProblem } from './inspector.types'

/** Whether `path` names `base` or something inside it. */
export function isAt(path: string | undefined, base: string): boolean {
  if (path === undefined) return false
  return (
    path === base || path.startsWith(`${base}.`) || path.startsWith(`${base}[`)
  )
}

/** The messages of the problems at `base` or inside it. */
export function messagesAt(
  problems: readonly InspectorProblem[],
  base: string,
): string[] {
  return problems
    .filter((problem) => isAt(problem.path, base))
    .map((problem) => problem.message)
}

export function hasPlaceholder(text: string): boolean {
  return /\{\{[^{}]*\}\}/.test(text)
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/**
 * What a number field's text stands for: a number when it is one (so the
 * document holds `42`, not `"42"`), else the text, a template. Numbers
 * past 2^53 stay text: a ticket id must not be rounded.
 */
export function numberFromText(text: string): number | string {
  const trimmed = text.trim()
  if (!NUMERIC.test(trimmed)) return text
  const number = Number(trimmed)
  if (Number.isInteger(number) && !Number.isSafeInteger(number)) return text
  return number
}

/** The model with `name` set, or without it when the value is empty. */
export function withValue(
  model: Readonly<Record<string, InputValue>>,
  name: string,
  value: InputValue | undefined,
): Record<string, InputValue> {
  const next = { ...model }
  // An empty input means "not set", so the action's default applies and
  // the document never carries '' (which the engine would send as is).
  if (value === undefined || value === '') delete next[name]
  else next[name] = value
  return next
}

/** The default in words, for the line under the description. */
export function describeDefault(field: FieldSpec): string | undefined {
  if (field.default === undefined) return undefined
  if (field.type === 'boolean') return field.default ? 'Yes' : 'No'
  const choice = field.choices?.find((c) => c.value === field.default)
  return choice?.label ?? String(field.default)
}

/**
 * Why a JSON value with placeholders would not parse, if it would not.
 * Each placeholder stands in as an empty text inside a JSON string and as
 * `null` outside one, as the engine inserts them (C03, C04).
 */
export function jsonProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined
  let sample = ''
  try {
    for (const part of parseJsonTemplate(text).parts) {
      if (typeof part === 'string') sample += part
      else sample += part.inString ? '' : 'null'
    }
  } catch (error) {
    if (error instanceof PlaceholderSyntaxError) return error.message
    throw error
  }
  try {
    JSON.parse(sample)
    return undefined
  } catch (error) {
    return `Not valid JSON yet: ${(error as Error).message}`
  }
}
