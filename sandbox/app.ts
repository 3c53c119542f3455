// The sandbox tenants as one Hono app: Entra ID / Graph under /azure,
// Freshservice under /freshservice, and controls under /_sandbox.
import { Hono } from 'hono'
import {
  FRESHSERVICE_AGENT,
  FRESHSERVICE_API_KEY,
  FRESHSERVICE_DOMAIN,
} from './freshservice/accounts'
import { createFreshserviceSandbox } from './freshservice'
import { createGraphSandbox } from './graph'
import { GRAPH_DEFAULT_SCOPE, GRAPH_TENANTS } from './graph/tenants'

function describe(origin: string) {
  return {
    name: 'Switchboard sandbox tenants',
    note: 'Public demo credentials; state is in memory and resettable.',
    vendors: {
      azure_ad: {
        simulates: 'Microsoft Entra ID token endpoint and Graph v1.0',
        authorityUrl: `${origin}/azure/login`,
        tokenUrl: `${origin}/azure/login/{tenant}/oauth2/v2.0/token`,
        graphUrl: `${origin}/azure/graph`,
        scope: GRAPH_DEFAULT_SCOPE,
        tenants: GRAPH_TENANTS.map((t) => ({
          tenant: t.name,
          tenantId: t.tenantId,
          domains: t.domains,
          clientId: t.clientId,
          clientSecret: t.clientSecret,
        })),
        operations: [
          'GET /v1.0/users',
          'GET /v1.0/users/{id | userPrincipalName}',
          'POST /v1.0/users',
          'PATCH /v1.0/users/{id}',
          'DELETE /v1.0/users/{id}',
          'GET /v1.0/users/{id}/memberOf',
          "GET /v1.0/groups?$filter=displayName eq '...'",
          'GET /v1.0/groups/{id}',
          'GET /v1.0/groups/{id}/members',
          'POST /v1.0/groups/{id}/members/$ref',
          'DELETE /v1.0/groups/{id}/members/{memberId}/$ref',
        ],
      },
      freshservice: {
        simulates: `Freshservice API v2 of ${FRESHSERVICE_DOMAIN}.freshservice.com`,
        baseUrl: `${origin}/freshservice`,
        apiKey: FRESHSERVICE_API_KEY,
        auth: 'HTTP Basic, username = API key, any password',
        agent: FRESHSERVICE_AGENT,
        operations: [
          'GET /api/v2/tickets',
          'GET /api/v2/tickets/{id}',
          'POST /api/v2/tickets',
          'PUT /api/v2/tickets/{id}',
          'POST /api/v2/tickets/{id}/notes',
          'GET /api/v2/tickets/{id}/conversations',
          'GET /api/v2/tickets/{id}/requested_items',
        ],
      },
    },
    controls: {
      index: 'GET /_sandbox',
      reset: 'POST /_sandbox/reset',
      health: 'GET /_sandbox/health',
    },
  }
}

export function createSandboxApp(): { app: Hono; reset(): void } {
  const graph = createGraphSandbox()
  const freshservice = createFreshserviceSandbox()
  const reset = () => {
    graph.reset()
    freshservice.reset()
  }

  const app = new Hono()
  app.route('/azure', graph.app)
  app.route('/freshservice', freshservice.app)

  app.get('/_sandbox', (c) => c.json(describe(new URL(c.req.url).origin)))
  app.get('/_sandbox/health', (c) => c.json({ status: 'ok' }))
  app.post('/_sandbox/reset', (c) => {
    reset()
    return c.body(null, 204)
  })

  app.notFound((c) =>
    c.json(
      {
        error: 'not_found',
        message:
          `Nothing is simulated at ${c.req.method} ${c.req.path}; ` +
          'GET /_sandbox lists what is.',
      },
      404,
    ),
  )
  app.onError((err, c) => {
    console.error('sandbox error:', err)
    return c.json({ error: 'internal_error', message: err.message }, 500)
  })

  return { app, reset }
}
