import { checkStrayBraces, parsePath, type ValuePath } from './parse'
import { readPath, toText, type ResolveContext } from './resolve'

/**
 * A JSON body with placeholders, such as
 * `{"note": "Hello {{trigger.name}}", "groups": {{steps.g.output.value}}}`.
 * A placeholder inside a JSON string is inserted as escaped text (quotes,
 * newlines and backslashes stay valid JSON, C04); one outside a string is
 * inserted as a JSON value (objects stay objects, missing becomes null, C03
 * and C06).
 */
export interface JsonTemplate {
  parts: (string | { path: ValuePath; inString: boolean })[]
}

export class JsonTemplateError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JsonTemplateError'
  }
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g

export function parseJsonTemplate(template: string): JsonTemplate {
  const parts: JsonTemplate['parts'] = []
  let inString = false
  let escaped = false
  let last = 0
  const scan = (text: string) => {
    for (const ch of text) {
      if (escaped) escaped = false
      else if (ch === '\\') escaped = inString
      else if (ch === '"') inString = !inString
    }
  }
  for (const match of template.matchAll(PLACEHOLDER)) {
    const before = template.slice(last, match.index)
    checkStrayBraces(before)
    scan(before)
    if (before) parts.push(before)
    parts.push({ path: parsePath(match[1]!), inString })
    last = match.index + match[0].length
  }
  const rest = template.slice(last)
  checkStrayBraces(rest)
  if (rest) parts.push(rest)
  return { parts }
}

/** Renders the template and parses it; the result is plain JSON data. */
export function renderJsonTemplate(
  template: JsonTemplate,
  context: ResolveContext,
): unknown {
  let text = ''
  for (const part of template.parts) {
    if (typeof part === 'string') {
      text += part
      continue
    }
    const value = readPath(part.path, context)
    text += part.inString
      ? JSON.stringify(toText(value)).slice(1, -1)
      : JSON.stringify(value ?? null)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new JsonTemplateError(`The JSON body is not valid JSON: ${reason}`)
  }
}
