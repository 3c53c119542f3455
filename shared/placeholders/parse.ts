/**
 * Placeholders: `{{trigger.ticket.id}}`, `{{steps.get_user.output.id}}`,
 * with a bracket form for keys that are not plain names:
 * `{{trigger.ticket["custom fields"]["cost.center"]}}` or `{{list[0]}}`.
 *
 * Templates are parsed once, when a workflow version is compiled, never per
 * job; resolution walks plain data and never evaluates code.
 */

export type Segment = string | number

/** A parsed placeholder: its root (`trigger` or `steps`) and the keys. */
export interface ValuePath {
  root: 'trigger' | 'steps'
  segments: Segment[]
  /** The placeholder as written, for messages. */
  source: string
}

export type TemplatePart = string | ValuePath

/**
 * A compiled template. `single` means the whole value is one placeholder,
 * so the resolved value keeps its type (a number stays a number, a list a
 * list); `text` interpolates into a string; `literal` has no placeholder.
 */
export type Template =
  | { kind: 'literal'; value: string }
  | { kind: 'single'; path: ValuePath }
  | { kind: 'text'; parts: TemplatePart[] }

export class PlaceholderSyntaxError extends Error {
  constructor(
    message: string,
    readonly placeholder: string,
  ) {
    super(message)
    this.name = 'PlaceholderSyntaxError'
  }
}

const ROOTS = new Set(['trigger', 'steps'])
// Plain names: letters of any script, digits, `_` and `$`.
const NAME_START = /[\p{L}_$]/u
const NAME_CHAR = /[\p{L}\p{N}_$]/u

/** Parses the expression between `{{` and `}}`. */
export function parsePath(expression: string): ValuePath {
  const source = `{{${expression}}}`
  const text = expression.trim()
  const fail = (why: string): never => {
    throw new PlaceholderSyntaxError(`${source} ${why}`, source)
  }
  let i = 0
  const readName = (): string => {
    const start = i
    const ch = text[i]
    if (ch === undefined) fail('ends where a name should follow')
    if (!NAME_START.test(ch!)) {
      fail(
        `cannot start a name with "${ch}" (at ${i + 1}); ` +
          'write such a key in brackets: ["key"]',
      )
    }
    while (i < text.length && NAME_CHAR.test(text[i]!)) i++
    return text.slice(start, i)
  }

  const root = readName()
  if (!ROOTS.has(root)) {
    fail(`must start with "trigger" or "steps", not "${root}"`)
  }
  const segments: Segment[] = []
  while (i < text.length) {
    const ch = text[i]
    if (ch === '.') {
      i++
      segments.push(readName())
    } else if (ch === '[') {
      i++
      segments.push(readBracket())
    } else {
      fail(`has an unexpected "${ch}" at ${i + 1}`)
    }
  }
  if (root === 'steps' && segments.length === 0) {
    fail('names no step: use steps.<step id>.output')
  }
  return { root: root as ValuePath['root'], segments, source }

  function readBracket(): Segment {
    const quote = text[i]
    if (quote === '"' || quote === "'") {
      let key = ''
      i++
      while (i < text.length && text[i] !== quote) {
        if (text[i] === '\\' && i + 1 < text.length) i++
        key += text[i]
        i++
      }
      if (text[i] !== quote) fail('has an unclosed quote')
      i++
      if (text[i] !== ']') fail(`misses "]" at ${i + 1}`)
      i++
      return key
    }
    const start = i
    while (i < text.length && /\d/.test(text[i]!)) i++
    if (start === i || text[i] !== ']') {
      fail('has a bracket that holds neither a quoted key nor an index')
    }
    const index = Number(text.slice(start, i))
    i++
    return index
  }
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g

/** Compiles a template string; throws PlaceholderSyntaxError. */
export function parseTemplate(template: string): Template {
  const parts: TemplatePart[] = []
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(template.slice(last, match.index))
    parts.push(parsePath(match[1]!))
    last = match.index + match[0].length
  }
  if (last < template.length) parts.push(template.slice(last))
  for (const part of parts) {
    if (typeof part === 'string') checkStrayBraces(part)
  }

  if (parts.length === 0) return { kind: 'literal', value: template }
  if (parts.length === 1 && typeof parts[0] !== 'string') {
    return { kind: 'single', path: parts[0]! }
  }
  if (parts.every((part) => typeof part === 'string')) {
    return { kind: 'literal', value: template }
  }
  return { kind: 'text', parts }
}

/**
 * Text outside placeholders must not hold `{{` or `}}`: a placeholder
 * missing a brace would otherwise be sent to the app as literal text.
 */
export function checkStrayBraces(text: string): void {
  const open = text.indexOf('{{')
  if (open >= 0) {
    const shown = text.slice(open, open + 40)
    throw new PlaceholderSyntaxError(
      `"${shown}" opens a placeholder with {{ but never closes it with }}`,
      shown,
    )
  }
  const close = text.indexOf('}}')
  if (close >= 0) {
    const shown = text.slice(Math.max(0, close - 38), close + 2)
    throw new PlaceholderSyntaxError(
      `"${shown}" closes a placeholder with }} that was never opened`,
      shown,
    )
  }
}

/** Every placeholder of a template, in order. */
export function templatePaths(template: Template): ValuePath[] {
  if (template.kind === 'single') return [template.path]
  if (template.kind === 'literal') return []
  return template.parts.filter((part) => typeof part !== 'string')
}

/**
 * Writes a path back as placeholder text, choosing the bracket form for
 * every key that is not a plain name. The editor's data tree inserts this.
 */
export function formatPath(root: string, segments: Segment[]): string {
  let out = root
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(segment)) {
      out += `.${segment}`
    } else out += `[${JSON.stringify(segment)}]`
  }
  return `{{${out}}}`
}
