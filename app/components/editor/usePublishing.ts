import { shallowRef, watch } from 'vue'
import { useRouter } from 'vue-router'
import type { Problem } from '../../../shared/workflow/problems'
import { api } from '../../api/client'
import { publishDraft } from '../../editor/publish'
import type { EditorStore } from '../../editor/store'
import type { PublishOutcome } from './toolbar/publish-outcome'

/**
 * Publishing from the editor and what it answered. A new workflow moves
 * to its own URL once the server has it. Problems the server found stay
 * listed until the document changes.
 */
export function usePublishing(store: EditorStore) {
  const router = useRouter()
  const publishing = shallowRef(false)
  const outcome = shallowRef<PublishOutcome | null>(null)
  const serverProblems = shallowRef<Problem[]>([])

  watch(
    () => store.document,
    () => {
      if (serverProblems.value.length) serverProblems.value = []
    },
  )

  async function publish(): Promise<void> {
    if (publishing.value) return
    publishing.value = true
    outcome.value = null
    const wasNew = store.workflowId === null
    try {
      const result = await publishDraft(store)
      if (result.status === 'published') {
        outcome.value = result
        if (wasNew) {
          await router.replace(
            `/workflows/${encodeURIComponent(result.workflowId)}/edit`,
          )
        }
      } else if (result.status === 'invalid') {
        // Listed once: what this browser finds itself is listed already.
        const known = new Set(store.problems.map(key))
        const found = result.problems.filter((p) => !known.has(key(p)))
        serverProblems.value = found
        outcome.value = { status: 'invalid', problems: found }
        // The problem list shows when no step is selected.
        store.clearSelection()
      } else if (result.status === 'conflict') {
        outcome.value = { ...result, latest: await latestVersion() }
      } else {
        outcome.value = result
      }
    } finally {
      publishing.value = false
    }
  }

  function key(problem: Problem): string {
    return `${problem.code} ${problem.path ?? ''} ${problem.message}`
  }

  async function latestVersion(): Promise<number | null> {
    if (!store.workflowId) return null
    try {
      return (await api.versions(store.workflowId)).items[0]?.version ?? null
    } catch {
      return null
    }
  }

  /** After a conflict: this draft replaces what was published since. */
  async function publishOver(version: number): Promise<void> {
    store.baseVersion = version
    await publish()
  }

  return { publishing, outcome, serverProblems, publish, publishOver }
}
