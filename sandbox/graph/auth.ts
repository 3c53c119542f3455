// Bearer-token check for every Graph call. The token decides which tenant's
// directory the request sees, as the tid claim of a real token does.
import type { MiddlewareHandler } from 'hono'
import { graphError, type GraphEnv } from './errors'
import type { Directory } from './state'
import type { TokenStore } from './tokens'

export function requireBearer(
  tokens: TokenStore,
  directories: Map<string, Directory>,
): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (!match?.[1]) {
      return graphError(
        c,
        401,
        'InvalidAuthenticationToken',
        'Access token is empty.',
      )
    }
    const check = tokens.check(match[1])
    if (!check.ok) {
      const message =
        check.reason === 'expired'
          ? 'Lifetime validation failed, the token is expired.'
          : 'Access token validation failure. Invalid audience.'
      c.header('www-authenticate', 'Bearer realm="", error="invalid_token"')
      return graphError(c, 401, 'InvalidAuthenticationToken', message)
    }
    const directory = directories.get(check.tenant)
    if (!directory) throw new Error(`token for unknown tenant ${check.tenant}`)
    c.set('directory', directory)
    await next()
  }
}
