import type { Configuration } from '../../db/configurations'
import { callApi, joinUrl } from '../http'
import { ConnectorError } from '../types'

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default'
/** Renew a little before expiry so a token never dies mid-request. */
const EXPIRY_MARGIN_MS = 60_000

interface CachedToken {
  accessToken: string
  expiresAt: number
}

const tokens = new Map<string, CachedToken>()
const inFlight = new Map<string, Promise<CachedToken>>()

/**
 * An app-only Graph token for a configuration (OAuth2 client credentials).
 * Tokens are cached per configuration until shortly before they expire,
 * and concurrent callers share one token request.
 */
export async function graphToken(config: Configuration): Promise<string> {
  const key = cacheKey(config)
  const cached = tokens.get(key)
  if (cached && cached.expiresAt > Date.now()) return cached.accessToken
  let request = inFlight.get(key)
  if (!request) {
    request = requestToken(config).finally(() => inFlight.delete(key))
    inFlight.set(key, request)
  }
  const token = await request
  tokens.set(key, token)
  return token.accessToken
}

function cacheKey(config: Configuration): string {
  const { tenantId, clientId, authorityUrl } = config.settings
  // The secret is part of the key so a changed secret takes effect at once.
  return JSON.stringify([
    config.app,
    config.id,
    authorityUrl,
    tenantId,
    clientId,
    config.secrets.clientSecret,
  ])
}

async function requestToken(config: Configuration): Promise<CachedToken> {
  const { tenantId = '', clientId = '' } = config.settings
  const authority =
    config.settings.authorityUrl || 'https://login.microsoftonline.com'
  const url = joinUrl(
    authority,
    `${encodeURIComponent(tenantId)}/oauth2/v2.0/token`,
  )
  const response = await callApi({
    method: 'POST',
    url,
    body: new URLSearchParams({
      client_id: clientId,
      client_secret: config.secrets.clientSecret ?? '',
      grant_type: 'client_credentials',
      scope: GRAPH_SCOPE,
    }),
  })
  const body = (response.body ?? {}) as Record<string, unknown>
  if (response.status !== 200 || typeof body.access_token !== 'string') {
    throw new ConnectorError(
      response.status,
      `Azure AD refused the sign-in to tenant "${tenantId}": ` +
        describeTokenError(body),
    )
  }
  const seconds = Number(body.expires_in) || 3599
  return {
    accessToken: body.access_token,
    expiresAt: Date.now() + seconds * 1000 - EXPIRY_MARGIN_MS,
  }
}

/** The first sentence of AADSTS descriptions, without trace ids. */
function describeTokenError(body: Record<string, unknown>): string {
  const description = String(body.error_description ?? body.error ?? '')
  const firstLine = description.split(/\r?\n| Trace ID:/)[0]!.trim()
  return firstLine || 'no reason given'
}
