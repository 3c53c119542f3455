// The Microsoft identity platform token endpoint, client-credentials grant
// only (the one app-only connectors use). Error wording and codes follow what
// login.microsoftonline.com answers so connectors surface the same messages.
import { randomUUID } from 'node:crypto'
import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { TOKEN_LIFETIME_SECONDS, type TokenStore } from './tokens'
import { findTenant, GRAPH_DEFAULT_SCOPE, type GraphTenant } from './tenants'

interface AadFailure {
  status: ContentfulStatusCode
  error: string
  code: number
  message: string
}

function aadError(c: Context, failure: AadFailure): Response {
  const now = new Date()
  // AAD prints "2024-01-01 12:00:00Z" in both places.
  const timestamp = now.toISOString().slice(0, 19).replace('T', ' ') + 'Z'
  const traceId = randomUUID()
  const correlationId = c.req.header('client-request-id') ?? randomUUID()
  const description =
    (failure.code ? `AADSTS${failure.code}: ` : '') +
    `${failure.message}\r\nTrace ID: ${traceId}\r\n` +
    `Correlation ID: ${correlationId}\r\nTimestamp: ${timestamp}`
  return c.json(
    {
      error: failure.error,
      error_description: description,
      error_codes: failure.code ? [failure.code] : [],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${failure.code}`,
    },
    failure.status,
  )
}

const missing = (name: string): AadFailure => ({
  status: 400,
  error: 'invalid_request',
  code: 900144,
  message: `The request body must contain the following parameter: '${name}'.`,
})

interface TokenForm {
  grantType?: string
  clientId?: string
  clientSecret?: string
  clientAssertion?: string
  scope?: string
}

/** RFC 6749 form-encodes Basic credentials; a stray % is kept as is. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    return value
  }
}

async function readForm(c: Context): Promise<TokenForm> {
  const type = c.req.header('content-type') ?? ''
  // Only form encoding is read, as Entra ID does: a JSON body reads as empty.
  const form = type.includes('application/x-www-form-urlencoded')
    ? new URLSearchParams(await c.req.text())
    : new URLSearchParams()
  const read = (k: string) => form.get(k) || undefined
  const result: TokenForm = {
    grantType: read('grant_type'),
    clientId: read('client_id'),
    clientSecret: read('client_secret'),
    clientAssertion: read('client_assertion'),
    scope: read('scope'),
  }
  // client_secret_basic: RFC 6749 section 2.3.1 credentials in the header.
  const auth = c.req.header('authorization') ?? ''
  if (/^basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString()
    const colon = decoded.indexOf(':')
    if (colon > 0) {
      result.clientId ??= safeDecode(decoded.slice(0, colon))
      result.clientSecret ??= safeDecode(decoded.slice(colon + 1))
    }
  }
  return result
}

/** Checks the request in the order Entra ID reports problems. */
function checkTokenRequest(
  tenantKey: string,
  form: TokenForm,
): AadFailure | GraphTenant {
  const tenant = findTenant(tenantKey)
  if (!tenant) {
    return {
      status: 400,
      error: 'invalid_request',
      code: 90002,
      message:
        `Tenant '${tenantKey}' not found. Check to make sure you have the ` +
        'correct tenant ID and are signing into the correct cloud.',
    }
  }
  if (!form.grantType) return missing('grant_type')
  if (form.grantType !== 'client_credentials') {
    // Real Entra ID uses the RFC 6749 code here, not invalid_request.
    return {
      status: 400,
      error: 'unsupported_grant_type',
      code: 70003,
      message:
        'The app requested an unsupported grant type ' + `'${form.grantType}'.`,
    }
  }
  if (!form.clientId) return missing('client_id')
  if (!form.scope) return missing('scope')
  if (form.clientId.toLowerCase() !== tenant.clientId) {
    return {
      status: 400,
      error: 'unauthorized_client',
      code: 700016,
      message:
        `Application with identifier '${form.clientId}' was not found in ` +
        `the directory '${tenant.name}'. This can happen if the application ` +
        'has not been installed by the administrator of the tenant or ' +
        'consented to by any user in the tenant. You may have sent your ' +
        'authentication request to the wrong tenant.',
    }
  }
  const scope = form.scope.trim()
  if (scope.toLowerCase() !== GRAPH_DEFAULT_SCOPE) {
    if (scope.endsWith('/.default')) {
      const resource = scope.slice(0, -'/.default'.length)
      return {
        status: 400,
        error: 'invalid_resource',
        code: 500011,
        message:
          `The resource principal named ${resource} was not found in the ` +
          `tenant named ${tenant.name}. This can happen if the application ` +
          'has not been installed by the administrator of the tenant.',
      }
    }
    return {
      status: 400,
      error: 'invalid_scope',
      code: 1002012,
      message:
        `The provided value for scope ${scope} is not valid. Client ` +
        'credential flows must have a scope value with /.default suffixed ' +
        'to the resource identifier (application ID URI).',
    }
  }
  if (form.clientAssertion && !form.clientSecret) {
    // Certificate credentials are not simulated: no assertion can verify.
    return {
      status: 401,
      error: 'invalid_client',
      code: 700027,
      message: 'Client assertion failed signature validation.',
    }
  }
  if (!form.clientSecret) {
    return {
      status: 401,
      error: 'invalid_client',
      code: 7000216,
      message:
        "'client_assertion', 'client_secret' or 'request' is required for " +
        "the 'client_credentials' grant type.",
    }
  }
  if (form.clientSecret !== tenant.clientSecret) {
    return {
      status: 401,
      error: 'invalid_client',
      code: 7000215,
      message:
        'Invalid client secret provided. Ensure the secret being sent in the ' +
        'request is the client secret value, not the client secret ID, for a ' +
        `secret added to app '${tenant.clientId}'.`,
    }
  }
  return tenant
}

export function createLoginApp(tokens: TokenStore): Hono {
  const app = new Hono()

  app.post('/:tenant/oauth2/v2.0/token', async (c) => {
    const checked = checkTokenRequest(c.req.param('tenant'), await readForm(c))
    if ('error' in checked) return aadError(c, checked)
    c.header('cache-control', 'no-store, no-cache')
    c.header('pragma', 'no-cache')
    return c.json({
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: tokens.issue(checked.name),
    })
  })

  app.all('/:tenant/oauth2/v2.0/token', (c) =>
    aadError(c, {
      status: 400,
      error: 'invalid_request',
      code: 900561,
      message:
        'The endpoint only accepts POST, OPTIONS requests. Received a ' +
        `${c.req.method} request.`,
    }),
  )

  app.all('*', (c) =>
    aadError(c, {
      status: 404,
      error: 'invalid_request',
      code: 0,
      message:
        'The sandbox authority serves only ' +
        'POST /{tenant}/oauth2/v2.0/token.',
    }),
  )

  return app
}
