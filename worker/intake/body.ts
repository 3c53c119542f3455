import { AppError } from '../errors'

/** Bodies larger than this are refused before parsing. */
export const MAX_BODY_BYTES = 1024 * 1024

/**
 * Parses a webhook body the way service desks send it (cases C13, C15):
 * JSON whatever the content type claims (`+json` types, a charset,
 * `text/plain`, none at all), form-encoded bodies into an object, an empty
 * body as `{}`. Anything else is refused with 415, malformed JSON with 400
 * naming the position; neither starts a job.
 */
export async function parseHookBody(request: Request): Promise<unknown> {
  const type = mediaType(request.headers.get('content-type'))
  if (type !== '' && !isJsonLike(type) && type !== FORM) {
    throw new AppError(
      'unsupported_media_type',
      `A webhook body of type ${type} cannot be read; send JSON ` +
        'or application/x-www-form-urlencoded',
    )
  }
  const text = await readText(request)
  if (type === FORM) return parseForm(text)
  if (text.trim() === '') return {}
  return parseJson(text, 'The request body')
}

/** The JSON body of an API request; missing or malformed is a 400. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readText(request)
  if (text.trim() === '') {
    throw new AppError('invalid_json', 'The request body is empty; send JSON')
  }
  return parseJson(text, 'The request body')
}

const FORM = 'application/x-www-form-urlencoded'

function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase()
}

function isJsonLike(type: string): boolean {
  return (
    type.endsWith('/json') || type.endsWith('+json') || type === 'text/plain'
  )
}

async function readText(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > MAX_BODY_BYTES) throw tooLarge()
  const bytes = await request.arrayBuffer()
  if (bytes.byteLength > MAX_BODY_BYTES) throw tooLarge()
  return new TextDecoder().decode(bytes)
}

function tooLarge(): AppError {
  return new AppError(
    'payload_too_large',
    `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB`,
  )
}

export function parseJson(text: string, what: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : ''
    // The engine names the position, except when the text ends early.
    const where = /end of JSON input/.test(reason)
      ? `${reason} at position ${text.length}`
      : reason || 'Unexpected input'
    throw new AppError('invalid_json', `${what} is not valid JSON: ${where}`)
  }
  if (depthOf(value) > MAX_DEPTH) {
    throw new AppError(
      'invalid_request',
      `${what} nests objects and lists deeper than ${MAX_DEPTH} levels`,
    )
  }
  return value
}

/**
 * Deeper payloads are refused: no service desk sends them, and every later
 * step (storage, copies between objects) would recurse as deep.
 */
export const MAX_DEPTH = 64

/** Nesting depth of parsed JSON, walked without recursion. */
function depthOf(root: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[root, 0]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (value === null || typeof value !== 'object') continue
    if (depth + 1 > deepest) deepest = depth + 1
    if (deepest > MAX_DEPTH) break
    for (const child of Object.values(value)) stack.push([child, depth + 1])
  }
  return deepest
}

/**
 * Form fields become an object with the keys exactly as sent, such as
 * `ticket[id]` (see C01); a repeated key becomes a list.
 */
function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = out[key]
    if (seen === undefined) out[key] = value
    else out[key] = Array.isArray(seen) ? [...seen, value] : [seen, value]
  }
  return out
}
