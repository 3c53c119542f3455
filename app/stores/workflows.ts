import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '../api/client'
import type { WorkflowSummary } from '../../shared/api'

/**
 * The workflow list, shared by the Workflows page and the logs' workflow
 * filter, so going from one to the other does not fetch it again.
 */
export const useWorkflowsStore = defineStore('workflows', () => {
  const items = shallowRef<WorkflowSummary[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const error = ref<unknown>(null)
  let pending: Promise<void> | null = null

  /** Fetches the list once; `force` fetches it again. */
  function load({ force = false } = {}): Promise<void> {
    if (pending) return pending
    if (loaded.value && !force) return Promise.resolve()
    loading.value = true
    pending = api
      .workflows()
      .then((page) => {
        items.value = page.items
        loaded.value = true
        error.value = null
      })
      .catch((caught: unknown) => {
        error.value = caught
      })
      .finally(() => {
        loading.value = false
        pending = null
      })
    return pending
  }

  return { items, loaded, loading, error, load }
})
