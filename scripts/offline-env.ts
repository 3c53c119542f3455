// How the local toolchain (vite, wrangler, workerd, chromium) runs offline
// and self-contained. Shared by `npm start` and the e2e harness.
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

export const repoRoot = path.resolve(import.meta.dirname, '..')

/**
 * The environment every wrangler, workerd and chromium process gets:
 * - no Request.cf download from workers.cloudflare.com (miniflare falls
 *   back to a placeholder, but only after a failed look-up),
 * - no telemetry, no error reports, and no banner (whose "update
 *   available" check is a network call),
 * - config and caches (wrangler logs, dev registry, chromium crash
 *   reports) inside the repo, not the user's home.
 */
export function offlineEnv(root = repoRoot): Record<string, string> {
  return {
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    WRANGLER_HIDE_BANNER: 'true',
    XDG_CONFIG_HOME: path.join(root, '.xdg', 'config'),
    XDG_CACHE_HOME: path.join(root, '.xdg', 'cache'),
  }
}

/** Sets the offline environment on this process, for its children. */
export function applyOfflineEnv(root = repoRoot): void {
  Object.assign(process.env, offlineEnv(root))
}

const require = createRequire(import.meta.url)

function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file)
}

/**
 * Node arguments that run a tool's JS entry directly: no npx look-up and
 * no wrapper process, so a signal reaches the real process. The wrangler
 * flags are the ones its own bin wrapper adds.
 */
export function toolArgs(tool: 'vite' | 'wrangler', args: string[]): string[] {
  if (tool === 'vite') return [packageFile('vite', 'bin/vite.js'), ...args]
  return [
    '--no-warnings',
    '--experimental-vm-modules',
    packageFile('wrangler', 'wrangler-dist/cli.js'),
    ...args,
  ]
}

/**
 * A child's output, kept to be shown when something goes wrong: the last
 * 256 kB, so a long-running server does not grow without end.
 */
export function collectOutput(child: ChildProcess): () => string {
  const limit = 256 * 1024
  const chunks: Buffer[] = []
  let size = 0
  const keep = (chunk: Buffer) => {
    chunks.push(chunk)
    size += chunk.length
    while (size > limit && chunks.length > 1) size -= chunks.shift()!.length
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return () => Buffer.concat(chunks).toString('utf8')
}

/**
 * Runs a tool to completion with its output captured: quiet when it
 * works, the whole output in the error when it does not.
 */
export async function runTool(
  tool: 'vite' | 'wrangler',
  args: string[],
): Promise<void> {
  const child = spawn(process.execPath, toolArgs(tool, args), {
    cwd: repoRoot,
    env: { ...process.env, ...offlineEnv() },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = collectOutput(child)
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', resolve)
  })
  if (code !== 0) {
    throw new Error(
      `${tool} ${args.join(' ')} exited with ${code}:\n${output()}`,
    )
  }
}

/**
 * Starts `wrangler dev` in its own process group, so stopping it can
 * reach workerd too even if wrangler itself is stuck.
 */
export function spawnWranglerDev(args: string[]): ChildProcess {
  return spawn(process.execPath, toolArgs('wrangler', ['dev', ...args]), {
    cwd: repoRoot,
    env: { ...process.env, ...offlineEnv() },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // A negative pid addresses the whole group: wrangler and workerd.
    if (child.pid) process.kill(-child.pid, signal)
  } catch {
    // The group is already gone.
  }
}

/**
 * Stops a process group started by spawnWranglerDev: TERM lets wrangler
 * shut workerd down cleanly; KILL follows for what remains or lingers.
 */
export async function stopGroup(
  child: ChildProcess,
  graceMs = 5000,
): Promise<void> {
  if (!isRunning(child)) {
    signalGroup(child, 'SIGKILL')
    return
  }
  const exited = new Promise((resolve) => child.once('exit', resolve))
  // Wrangler alone: it stops and reaps workerd itself. With TERM to the
  // group workerd may end after wrangler, and no one may reap it.
  child.kill('SIGTERM')
  const timedOut = await Promise.race([
    exited.then(() => false),
    sleep(graceMs).then(() => true),
  ])
  // Anything wrangler left behind goes with the group.
  signalGroup(child, 'SIGKILL')
  if (timedOut) await exited
}

/** Synchronous last resort for process 'exit' handlers. */
export function killGroupNow(child: ChildProcess): void {
  signalGroup(child, 'SIGKILL')
}

/**
 * Polls a URL until it answers 200. Fails early when the server process
 * exits, and after the timeout otherwise.
 */
export async function waitForOk(
  url: string,
  server: ChildProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer yet'
  while (Date.now() < deadline) {
    if (!isRunning(server)) {
      throw new Error(`the server exited (${server.exitCode}) before ${url}`)
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) })
      if (res.ok) return
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    await sleep(200)
  }
  throw new Error(`${url} did not answer 200 in ${timeoutMs} ms (${last})`)
}
