import { shallowRef, type ShallowRef } from 'vue'
import type { TestActionResult } from '../../../../shared/api'
import { api, errorMessage } from '../../../api/client'
import type { EditorStore } from '../../../editor/store'
import { testRequest } from './test-request'

/** The last test of a step, while the page is open (never saved). */
export interface TestRun {
  running: boolean
  result?: TestActionResult
  /** Why the test could not run at all: refused, no network. */
  error?: string
}

export interface UseTestRunsReturn {
  runs: ShallowRef<ReadonlyMap<string, TestRun>>
  /** Tests the step as it is now; the answer lands in `runs`. */
  run(nodeId: string): Promise<void>
  /** Forgets a step's result, e.g. once it is pinned. */
  clear(nodeId: string): void
}

/**
 * Test runs of app steps ("Test action"). Results live beside the
 * document, not in it, until the user pins one.
 */
export function useTestRuns(store: EditorStore): UseTestRunsReturn {
  const runs = shallowRef<ReadonlyMap<string, TestRun>>(new Map())

  function set(nodeId: string, run: TestRun | undefined) {
    const next = new Map(runs.value)
    if (run) next.set(nodeId, run)
    else next.delete(nodeId)
    runs.value = next
  }

  async function run(nodeId: string): Promise<void> {
    const body = testRequest(store.document, nodeId, store.workflowId)
    if (!body) return
    set(nodeId, { running: true })
    try {
      set(nodeId, { running: false, result: await api.testAction(body) })
    } catch (error) {
      set(nodeId, { running: false, error: errorMessage(error) })
    }
  }

  return { runs, run, clear: (nodeId) => set(nodeId, undefined) }
}
