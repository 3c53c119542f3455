// The whole local stack for browser tests, isolated from `npm start`: its
// own SPA build, D1 state, sandbox and worker port, all thrown away after.
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { startSandbox, type RunningSandbox } from '../../sandbox/server'
import {
  collectOutput,
  runTool,
  spawnWranglerDev,
  stopGroup,
  waitForOk,
} from '../../scripts/offline-env'

export interface Stack {
  /** Switchboard: the SPA, the API and the webhooks. */
  baseUrl: string
  /** The simulated Microsoft Graph and Freshservice tenants. */
  sandboxUrl: string
  stop(): Promise<void>
}

const HOST = '127.0.0.1'

/** A port nothing listens on right now (wrangler needs a number). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen({ host: HOST, port: 0 }, () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export async function startStack(): Promise<Stack> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-stack-'))
  // Built here rather than into dist/, which `npm start` may be serving.
  const assets = path.join(dir, 'dist')
  const state = path.join(dir, 'state')
  let sandbox: RunningSandbox | undefined
  let worker: ChildProcess | undefined

  async function stop(): Promise<void> {
    if (worker) await stopGroup(worker)
    await sandbox?.close()
    await rm(dir, { recursive: true, force: true })
  }

  try {
    await Promise.all([
      runTool('vite', [
        'build',
        '--outDir',
        assets,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ]),
      runTool('wrangler', [
        ...['d1', 'migrations', 'apply', 'switchboard'],
        ...['--local', '--persist-to', state],
      ]),
    ])
    sandbox = await startSandbox({ port: 0 })
    const port = await freePort()
    worker = spawnWranglerDev([
      ...['--ip', HOST, '--port', String(port)],
      '--show-interactive-dev-session=false',
      ...['--persist-to', state, '--assets', assets],
      // Overrides whatever .dev.vars `npm start` left behind.
      ...['--var', `SANDBOX_URL:${sandbox.url}`],
      ...['--var', `SECRETS_KEY:${randomBytes(32).toString('base64')}`],
    ])
    const output = collectOutput(worker)
    const baseUrl = `http://${HOST}:${port}`
    try {
      await waitForOk(`${baseUrl}/api/health`, worker)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      throw new Error(`${message}\nwrangler dev said:\n${output()}`, {
        cause: error,
      })
    }
    return { baseUrl, sandboxUrl: sandbox.url, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
