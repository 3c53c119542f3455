import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { launchBrowser, type LaunchedBrowser } from './browser'
import { startStack, type Stack } from './stack'

export interface BrowserSession {
  /** Set once the file's first beforeAll has run. */
  stack: Stack
  page: Page
  /** Saves what the browser shows now, to look at; returns the file. */
  screenshot(name: string): Promise<string>
}

export interface BrowserSessionOptions {
  /** Prefix of the temporary folder the screenshots go to. */
  shotsPrefix: string
  viewport?: { width: number; height: number }
  fullPage?: boolean
}

/**
 * The hooks every browser test file needs: the stack and Chromium started
 * once, a screenshot of the page whenever a test fails, both stopped at
 * the end. Call it at the top of a describe block.
 */
export function useBrowserSession(
  options: BrowserSessionOptions,
): BrowserSession {
  let browser: LaunchedBrowser | undefined
  let stack: Stack | undefined
  let shots = ''
  const session = {
    async screenshot(name: string) {
      const file = path.join(shots, `${name}.png`)
      await session.page.screenshot({
        path: file,
        fullPage: options.fullPage ?? false,
      })
      return file
    },
  } as BrowserSession

  beforeAll(async () => {
    ;[stack, browser] = await Promise.all([startStack(), launchBrowser()])
    session.stack = stack
    session.page = await browser.context.newPage()
    if (options.viewport) await session.page.setViewportSize(options.viewport)
    shots = await mkdtemp(path.join(os.tmpdir(), options.shotsPrefix))
  })

  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(async () => {
      const slug = task.name.replace(/\W+/g, '-').toLowerCase()
      const file = await session.screenshot(`failed-${slug}`)
      console.error(`e2e: the browser at the failure: ${file}`)
    })
  })

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  })

  return session
}
