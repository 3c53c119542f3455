// HTTP Basic with the agent's API key as the username; the password is
// ignored (clients conventionally send "X").
import type { MiddlewareHandler } from 'hono'
import { FRESHSERVICE_API_KEY } from './accounts'
import { apiError } from './errors'

function apiKeyOf(header: string | undefined): string | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '')
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon === -1 ? decoded : decoded.slice(0, colon)
}

export const requireApiKey: MiddlewareHandler = async (c, next) => {
  if (apiKeyOf(c.req.header('authorization')) !== FRESHSERVICE_API_KEY) {
    return apiError(
      c,
      401,
      'invalid_credentials',
      'You have to be logged in to perform this action.',
    )
  }
  await next()
}
