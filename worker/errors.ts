import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Problem } from '../shared/workflow/problems'

/**
 * Every error the API answers with has a code from this closed set. User
 * mistakes are 4xx with a message that says what to change; anything else
 * is `internal`, logged once and answered without details.
 */
export const ERROR_STATUS = {
  invalid_json: 400,
  invalid_request: 400,
  not_found: 404,
  workflow_not_found: 404,
  job_not_found: 404,
  method_not_allowed: 405,
  not_published: 409,
  version_conflict: 409,
  conflict: 409,
  in_use: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_workflow: 422,
  invalid_node: 422,
  invalid_configuration: 422,
  internal: 500,
  secrets_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>

export type ErrorCode = keyof typeof ERROR_STATUS

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems?: Problem[],
  ) {
    super(message)
    this.name = 'AppError'
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code]
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.problems ? { problems: this.problems } : {}),
      },
    }
  }
}

/** A value someone typed, quoted and cut short for an error message. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)
}
