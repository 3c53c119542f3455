// `npm start`: Switchboard and the sandbox tenants on this machine, offline.
// Builds the SPA, migrates the local D1, starts the sandbox in-process and
// `wrangler dev` as a child, and stops both on Ctrl-C or SIGTERM.
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { startSandbox, type RunningSandbox } from '../sandbox/server'
import {
  applyOfflineEnv,
  collectOutput,
  killGroupNow,
  repoRoot,
  runTool,
  spawnWranglerDev,
  stopGroup,
  waitForOk,
} from './offline-env'

const HOST = '127.0.0.1'

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a port number, got '${raw}'`)
  }
  return port
}

/** Fails with the port's name when something already listens on it. */
async function assertPortFree(port: number, what: string, env: string) {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error)
      const hint = `stop whatever listens there, or set ${env}=<port>`
      reject(new Error(`port ${port} (${what}) is in use: ${hint}`))
    })
    probe.listen({ host: HOST, port }, () => probe.close(() => resolve()))
  })
}

/**
 * Sets SANDBOX_URL in .dev.vars (which wrangler dev reads), and creates
 * the local SECRETS_KEY on first start (it seals the configurations'
 * credentials; a new one would make the stored ones unreadable). Any
 * other line the developer put there is kept. The file is git-ignored.
 */
function writeDevVars(sandboxUrl: string): void {
  const file = path.join(repoRoot, '.dev.vars')
  const old = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const lines = old === '' ? [] : old.replace(/\n$/, '').split('\n')
  const indexOf = (name: string) =>
    lines.findIndex((l) => new RegExp(`^\\s*(export\\s+)?${name}\\s*=`).test(l))
  const set = (name: string, value: string) => {
    const at = indexOf(name)
    if (at >= 0) lines[at] = `${name}=${value}`
    else lines.push(`${name}=${value}`)
  }
  set('SANDBOX_URL', sandboxUrl)
  if (indexOf('SECRETS_KEY') < 0) {
    set('SECRETS_KEY', randomBytes(32).toString('base64'))
  }
  const text = `${lines.join('\n')}\n`
  if (text !== old) writeFileSync(file, text, { mode: 0o600 })
}

function say(message: string): void {
  console.log(`switchboard: ${message}`)
}

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now()
  const result = await work()
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  say(`${label} (${seconds} s)`)
  return result
}

let sandbox: RunningSandbox | undefined
let worker: ChildProcess | undefined
let stopping = false

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    if (worker) await stopGroup(worker)
    await sandbox?.close()
  }
  process.exit(code)
}

// Never leave workerd behind, whatever way this process ends.
process.on('exit', () => {
  if (worker) killGroupNow(worker)
})

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // Ctrl-C reaches tsx and this process both; say it once.
      if (!stopping) say('stopping…')
      void stopAll(0)
    })
  }
  const port = portFromEnv('PORT', 8787)
  const sandboxPort = portFromEnv('SANDBOX_PORT', 8790)
  const baseUrl = `http://${HOST}:${port}`
  const sandboxUrl = `http://${HOST}:${sandboxPort}`
  // Checked first, so a clash is reported before a minute of set-up.
  await assertPortFree(port, 'Switchboard', 'PORT')
  await assertPortFree(sandboxPort, 'sandbox tenants', 'SANDBOX_PORT')

  applyOfflineEnv()
  await step('SPA built into dist/', () =>
    runTool('vite', ['build', '--logLevel', 'warn']),
  )
  writeDevVars(sandboxUrl)
  await step('local D1 migrated', () =>
    runTool('wrangler', [
      ...['d1', 'migrations', 'apply', 'switchboard'],
      '--local',
    ]),
  )

  sandbox = await startSandbox({ port: sandboxPort })
  const started = Date.now()
  // Persisted in .wrangler/state: the logs survive a restart.
  worker = spawnWranglerDev([
    ...['--ip', HOST, '--port', String(port)],
    '--show-interactive-dev-session=false',
  ])
  const output = collectOutput(worker)
  try {
    await waitForOk(`${baseUrl}/api/health`, worker)
  } catch (error) {
    process.stderr.write(output())
    throw error
  }
  say(`worker ready (${((Date.now() - started) / 1000).toFixed(1)} s)`)

  // From here on wrangler's request log is the useful part of its output.
  worker.stdout?.pipe(process.stdout)
  worker.stderr?.pipe(process.stderr)
  worker.once('exit', (code, signal) => {
    if (stopping) return
    console.error(`switchboard: wrangler dev stopped (${code ?? signal})`)
    void stopAll(1)
  })

  const hook = `${baseUrl}/hooks/employee-onboarding`
  console.log(
    [
      '',
      `  Switchboard      ${baseUrl}`,
      `  Sandbox tenants  ${sandboxUrl}`,
      '',
      '  Send the onboarding request (from the repo folder):',
      `  curl -X POST ${hook} -H 'content-type: application/json'` +
        ' --data @shared/templates/onboarding-request.json',
      '',
      `  Then open the execution logs: ${baseUrl}/logs`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  )
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`switchboard: cannot start: ${message}`)
  void stopAll(1)
})
