// Headless Chromium for the e2e tests: the system's Chromium (Debian's
// package), driven by playwright-core, which cannot download its own here.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { offlineEnv } from '../../scripts/offline-env'

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

/**
 * Root on a closed network: no sandbox (root cannot use it), and none of
 * the background connections that would only be refused or time out.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** CHROMIUM_PATH if set, else the system's Chromium; undefined if none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  return SYSTEM_CHROMIUMS.find((file) => existsSync(file))
}

function isCi(): boolean {
  const ci = process.env.CI
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0'
}

function looked(): string {
  const fromEnv = process.env.CHROMIUM_PATH
  return fromEnv ? `CHROMIUM_PATH=${fromEnv}` : SYSTEM_CHROMIUMS.join(', ')
}

/**
 * Whether the browser tests can run. Without Chromium they are skipped
 * on a developer's machine, loudly, but in CI a missing browser is a
 * broken run, never a silent skip.
 */
export function browserTestsEnabled(): boolean {
  if (findChromium()) return true
  if (isCi()) {
    throw new Error(
      `Chromium not found (looked at ${looked()}) and CI is set: the ` +
        'browser tests must run in CI. .ci/run installs Debian’s chromium.',
    )
  }
  const bar = '!'.repeat(72)
  process.stderr.write(
    [
      bar,
      'BROWSER TESTS SKIPPED: Chromium not found',
      `  looked at: ${looked()}`,
      '  install Debian’s chromium (apt-get install -y chromium),',
      '  or point CHROMIUM_PATH at a Chromium binary.',
      '  In CI (CI=true) a missing Chromium fails the run instead.',
      bar,
      '',
    ].join('\n'),
  )
  return false
}

export interface LaunchedBrowser {
  context: BrowserContext
  /** Closes the browser and removes its profile. */
  close(): Promise<void>
}

/** Chromium with a fresh, throw-away profile: no state between runs. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error(`Chromium not found (${looked()})`)
  const profile = await mkdtemp(path.join(os.tmpdir(), 'switchboard-chrome-'))
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, ...offlineEnv() },
    })
    return {
      context,
      async close() {
        await context.close()
        await rm(profile, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await rm(profile, { recursive: true, force: true })
    throw error
  }
}
