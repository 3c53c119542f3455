// Serves the sandbox app over HTTP on the loopback interface only: the
// credentials are public, so it must never be reachable from the network.
import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createSandboxApp } from './app'

export interface RunningSandbox {
  url: string
  port: number
  /** Restores every tenant's seed data without restarting. */
  reset(): void
  close(): Promise<void>
}

export async function startSandbox(
  opts: { port?: number } = {},
): Promise<RunningSandbox> {
  const { app, reset } = createSandboxApp()
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
