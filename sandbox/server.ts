// Serves the sandbox app over HTTP on the loopback interface only: the
// credentials are public, so it must never be reachable from the network.
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import type { AddressInfo } from 'node:net'
import { createSandboxApp } from './app'

/** One request to the sandbox and its answer, for contract checks. */
export interface Exchange {
  method: string
  /** The path as requested, e.g. `/azure/graph/v1.0/users/x%40y`. */
  path: string
  requestBody: unknown
  status: number
  responseBody: unknown
}

export interface RunningSandbox {
  url: string
  port: number
  /** Restores every tenant's seed data without restarting. */
  reset(): void
  close(): Promise<void>
}

export interface SandboxOptions {
  port?: number
  /** Called with every exchange; tests check them against the specs. */
  onExchange?: (exchange: Exchange) => void
}

export async function startSandbox(
  opts: SandboxOptions = {},
): Promise<RunningSandbox> {
  const { app: sandbox, reset } = createSandboxApp()
  const app = opts.onExchange ? recorded(sandbox, opts.onExchange) : sandbox
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve(
      { fetch: app.fetch, hostname: '127.0.0.1', port: opts.port ?? 0 },
      () => resolve(s),
    )
    s.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets would otherwise hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      }),
  }
}

function recorded(sandbox: Hono, onExchange: (e: Exchange) => void): Hono {
  const app = new Hono()
  app.use('*', async (c, next) => {
    const requestBody = await readBody(c.req.raw.clone())
    await next()
    onExchange({
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      requestBody,
      status: c.res.status,
      responseBody: await readBody(c.res.clone()),
    })
  })
  app.route('/', sandbox)
  return app
}

async function readBody(message: Request | Response): Promise<unknown> {
  const text = await message.text()
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
