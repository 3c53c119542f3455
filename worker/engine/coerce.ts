import type { FieldSpec } from '../../shared/catalog'
import { isEmpty } from '../../shared/conditions/operators'
import { toText } from '../../shared/placeholders/resolve'

/**
 * An input's resolved value does not fit the input's type. The message
 * reads on from the input's name: "is required but has no value".
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/**
 * Converts a resolved input to the type the action declares: numeric text
 * becomes a number, "true"/"false" a boolean, a choice its declared value.
 * Empty inputs take their default; a required one left empty is an error
 * naming the input, so the app is never called with half a request.
 */
export function coerceInput(spec: FieldSpec, value: unknown): unknown {
  if (isEmpty(value) && spec.type !== 'boolean') {
    if (spec.default !== undefined) return spec.default
    if (spec.required) {
      throw new InputError('is required but has no value')
    }
    return undefined
  }
  switch (spec.type) {
    case 'text':
      return toText(value)
    case 'number':
      return toNumber(spec, value)
    case 'boolean':
      return toBoolean(spec, value)
    case 'choice':
      return toChoice(spec, value)
    case 'list':
    case 'object':
      return value
  }
}

function toNumber(spec: FieldSpec, value: unknown): number {
  const number = typeof value === 'number' ? value : Number(toText(value))
  if (!Number.isFinite(number)) {
    throw new InputError(`expects a number, not ${JSON.stringify(value)}`)
  }
  return number
}

function toBoolean(spec: FieldSpec, value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') {
    return spec.default === undefined ? undefined : Boolean(spec.default)
  }
  if (typeof value === 'boolean') return value
  const text = toText(value).trim().toLowerCase()
  if (text === 'true') return true
  if (text === 'false') return false
  throw new InputError(`expects true or false, not ${JSON.stringify(value)}`)
}

function toChoice(spec: FieldSpec, value: unknown): string | number {
  const text = toText(value).trim()
  const choice = spec.choices?.find((c) => String(c.value) === text)
  if (!choice) {
    const allowed = spec.choices?.map((c) => c.value).join(', ')
    throw new InputError(
      `must be one of ${allowed}, not ${JSON.stringify(value)}`,
    )
  }
  return choice.value
}
