import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../test/support/browser'
import { noOpChain } from './workflows'

/** The editor sets this mark once its canvas can be worked with. */
export const INTERACTIVE_MARK = 'switchboard:editor-interactive'

export interface EditorFigures {
  nodes: number
  /** Navigation start to the interactive mark, median of the runs. */
  interactiveMs: number
  /** JS heap in use once interactive. */
  heapMb: number
}

/**
 * Opens the editor on generated workflows in headless Chromium and reads
 * how long the canvas takes to become interactive and the heap it holds.
 */
export async function benchEditor(
  baseUrl: string,
  sizes = [100, 400, 800],
  runs = 3,
): Promise<EditorFigures[]> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('Chromium is needed for this bench')
  const profile = await mkdtemp(path.join(os.tmpdir(), 'switchboard-bench-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: CHROMIUM_ARGS,
  })
  try {
    const figures: EditorFigures[] = []
    for (const size of sizes) {
      // The trigger is one of the nodes.
      const id = await createWorkflow(baseUrl, size - 1)
      const samples: number[] = []
      let heap = 0
      for (let run = 0; run < runs; run++) {
        const page = await context.newPage()
        await page.goto(`${baseUrl}/workflows/${id}/edit`)
        // Strings, so this Node-side file needs no DOM types.
        const mark = `performance.getEntriesByName(${JSON.stringify(
          INTERACTIVE_MARK,
        )})`
        await page.waitForFunction(`${mark}.length > 0`, undefined, {
          timeout: 60_000,
        })
        samples.push(await page.evaluate<number>(`${mark}[0].startTime`))
        const cdp = await context.newCDPSession(page)
        await cdp.send('HeapProfiler.collectGarbage')
        const { usedSize } = await cdp.send('Runtime.getHeapUsage')
        heap = usedSize / 1024 / 1024
        await page.close()
      }
      samples.sort((a, b) => a - b)
      figures.push({
        nodes: size,
        interactiveMs: samples[Math.floor(samples.length / 2)]!,
        heapMb: heap,
      })
    }
    return figures
  } finally {
    await context.close()
    await rm(profile, { recursive: true, force: true })
  }
}

async function createWorkflow(baseUrl: string, steps: number) {
  const response = await fetch(`${baseUrl}/api/workflows`, {
    method: 'POST',
    body: JSON.stringify(noOpChain(steps)),
  })
  if (response.status !== 201) throw new Error(await response.text())
  return ((await response.json()) as { id: string }).id
}
