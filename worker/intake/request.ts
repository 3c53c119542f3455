import type { z } from 'zod'
import { formatIssuePath } from '../../shared/workflow/validate'
import { AppError } from '../errors'
import { readJsonBody } from './body'

/** Issues named in one message, beyond which "and N more" is said. */
const MAX_ISSUES = 5

/**
 * Reads an API request's JSON body and checks it against a schema. A body
 * of the wrong shape is a 400 naming each wrong field, so the caller sees
 * at once everything to fix.
 */
export async function readBody<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await readJsonBody(request))
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((issue) => {
    const path = formatIssuePath(issue.path)
    return path ? `${path}: ${issue.message}` : issue.message
  })
  const more = issues.length - MAX_ISSUES
  throw new AppError(
    'invalid_request',
    `The request body is wrong: ${issues.slice(0, MAX_ISSUES).join('; ')}` +
      (more > 0 ? `; and ${more} more` : ''),
  )
}
