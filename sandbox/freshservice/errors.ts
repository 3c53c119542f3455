// Freshservice API v2 error conventions: validation problems come as
// {"description":"Validation failed","errors":[...]} and everything else as
// {"code","message"}.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export interface FieldError {
  field: string
  message: string
  code:
    | 'missing_field'
    | 'invalid_value'
    | 'duplicate_value'
    | 'datatype_mismatch'
    | 'invalid_field'
}

export function validationFailed(c: Context, errors: FieldError[]): Response {
  return c.json({ description: 'Validation failed', errors }, 400)
}

export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
): Response {
  return c.json({ code, message }, status)
}

// The summary only says 404 bodies are {"code","message"}; the exact code
// Freshservice uses for a missing record is unverified, so the sandbox uses
// the neutral "not_found" rather than guessing "access_denied".
export function recordNotFound(c: Context): Response {
  return apiError(c, 404, 'not_found', 'Record not found')
}

export type JsonBody =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; response: Response }

/** Reads a JSON object body the way the v2 API insists on it. */
export async function readJsonBody(c: Context): Promise<JsonBody> {
  const type = c.req.header('content-type') ?? ''
  if (!type.toLowerCase().includes('application/json')) {
    return {
      ok: false,
      response: apiError(
        c,
        415,
        'invalid_content_type',
        'Content-Type header is not set. It should be set to application/json',
      ),
    }
  }
  try {
    const parsed: unknown = JSON.parse(await c.req.text())
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return { ok: true, body: parsed as Record<string, unknown> }
    }
  } catch {
    // Falls through to the invalid_json answer below.
  }
  return {
    ok: false,
    response: apiError(
      c,
      400,
      'invalid_json',
      'Request body has invalid json format',
    ),
  }
}
