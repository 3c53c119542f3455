// Access tokens handed out by the simulated token endpoint. They are opaque
// random strings (real ones are JWTs, but clients must treat them as opaque)
// bound to one tenant, so a Contoso token never reads Fabrikam's directory.
import { randomBytes } from 'node:crypto'

/** Lifetime Entra ID reports for app-only Graph tokens. */
export const TOKEN_LIFETIME_SECONDS = 3599

interface IssuedToken {
  tenant: string
  expiresAt: number
}

export type TokenCheck =
  { ok: true; tenant: string } | { ok: false; reason: 'unknown' | 'expired' }

export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>()

  issue(tenant: string): string {
    this.dropExpired()
    const token = randomBytes(32).toString('base64url')
    const expiresAt = Date.now() + TOKEN_LIFETIME_SECONDS * 1000
    this.tokens.set(token, { tenant, expiresAt })
    return token
  }

  check(token: string): TokenCheck {
    const issued = this.tokens.get(token)
    if (!issued) return { ok: false, reason: 'unknown' }
    if (Date.now() >= issued.expiresAt) return { ok: false, reason: 'expired' }
    return { ok: true, tenant: issued.tenant }
  }

  // Keeps a long-running sandbox from growing without bound; expired tokens
  // older than a day are forgotten and then simply read as unknown.
  private dropExpired(): void {
    const horizon = Date.now() - 24 * 3600 * 1000
    for (const [token, issued] of this.tokens) {
      if (issued.expiresAt < horizon) this.tokens.delete(token)
    }
  }
}
