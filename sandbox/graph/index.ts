// Microsoft Entra ID / Graph v1.0 sandbox: the token authority under /login
// and Graph under /graph, sharing one token store and one directory per
// tenant.
import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import { requireBearer } from './auth'
import { graphError, type GraphEnv } from './errors'
import { registerGroupRoutes } from './groups'
import { createLoginApp } from './login'
import { Directory } from './state'
import { GRAPH_TENANTS } from './tenants'
import { TokenStore } from './tokens'
import { registerUserRoutes } from './users'

export interface GraphSandbox {
  /** Mount at /azure: serves /azure/login/... and /azure/graph/... */
  app: Hono
  reset(): void
}

function createGraphApp(
  tokens: TokenStore,
  directories: Map<string, Directory>,
): Hono<GraphEnv> {
  const graph = new Hono<GraphEnv>()

  // Graph echoes client-request-id and adds its own request-id; both also
  // appear in error bodies so a failure can be traced from either side.
  graph.use('*', async (c, next) => {
    const requestId = randomUUID()
    const clientRequestId = c.req.header('client-request-id') ?? requestId
    c.set('requestId', requestId)
    c.set('clientRequestId', clientRequestId)
    c.header('request-id', requestId)
    c.header('client-request-id', clientRequestId)
    await next()
  })
  graph.use('/v1.0/*', requireBearer(tokens, directories))
  registerUserRoutes(graph)
  registerGroupRoutes(graph)

  // Real Graph answers 400 BadRequest "Resource not found for the segment"
  // for unknown paths; the sandbox keeps code and wording but uses 404 so an
  // unsupported call reads as "no such route" rather than a bad payload.
  graph.all('*', (c) => {
    const segment = c.req.path.split('/').filter(Boolean).pop() ?? ''
    return graphError(
      c,
      404,
      'BadRequest',
      `Resource not found for the segment '${segment}'.`,
    )
  })
  return graph
}

export function createGraphSandbox(): GraphSandbox {
  const tokens = new TokenStore()
  const directories = new Map(
    GRAPH_TENANTS.map((t) => [t.name, new Directory(t)] as const),
  )
  const app = new Hono()
  app.route('/login', createLoginApp(tokens))
  app.route('/graph', createGraphApp(tokens, directories))
  return {
    app,
    // Issued tokens survive a reset on purpose: a running demo keeps its
    // cached token, as it would across a real directory change.
    reset: () => {
      for (const directory of directories.values()) directory.reset()
    },
  }
}
