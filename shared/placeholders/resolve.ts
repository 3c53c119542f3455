import type { Template, ValuePath } from './parse'

/** What placeholders read from: the trigger payload and earlier steps. */
export interface ResolveContext {
  trigger: unknown
  /** Results of the steps that ran so far, by step id. */
  steps: Readonly<Record<string, unknown>>
  /** Every step id of the workflow, run or not. */
  stepIds: ReadonlySet<string>
  /** Collects paths that led nowhere (resolved as empty, see C06). */
  warnings?: string[]
}

/** A placeholder names a step the workflow does not have. */
export class UnknownStepError extends Error {
  constructor(readonly stepId: string) {
    super(`The placeholder refers to a step "${stepId}" that does not exist`)
    this.name = 'UnknownStepError'
  }
}

/**
 * Reads the value at a path. A missing key gives `undefined` (and a
 * warning); a step id that is not in the workflow is an error, because
 * treating it as empty would let a broken binding pass as success.
 */
export function readPath(path: ValuePath, context: ResolveContext): unknown {
  let value: unknown
  let segments = path.segments
  if (path.root === 'trigger') {
    value = context.trigger
  } else {
    const stepId = String(segments[0])
    if (!context.stepIds.has(stepId)) throw new UnknownStepError(stepId)
    value = context.steps[stepId]
    segments = segments.slice(1)
  }
  for (const segment of segments) {
    value = child(value, segment)
    if (value === undefined) {
      context.warnings?.push(`${path.source} has no value`)
      return undefined
    }
  }
  return value
}

function child(value: unknown, key: string | number): unknown {
  if (value === null || typeof value !== 'object') return undefined
  if (Array.isArray(value)) {
    const index = typeof key === 'number' ? key : Number(key)
    return Number.isInteger(index) ? value[index] : undefined
  }
  const record = value as Record<string, unknown>
  const name = String(key)
  return Object.hasOwn(record, name) ? record[name] : undefined
}

/**
 * Text form of a value: strings as they are, null and missing as nothing,
 * objects and lists as compact JSON (never "[object Object]").
 */
export function toText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/**
 * Resolves a compiled template. A lone placeholder keeps the value's type;
 * anything else becomes text.
 */
export function resolveTemplate(
  template: Template,
  context: ResolveContext,
): unknown {
  switch (template.kind) {
    case 'literal':
      return template.value
    case 'single':
      return readPath(template.path, context)
    case 'text': {
      let out = ''
      for (const part of template.parts) {
        out += typeof part === 'string' ? part : toText(readPath(part, context))
      }
      return out
    }
  }
}
