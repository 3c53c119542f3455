import {
  onScopeDispose,
  ref,
  shallowRef,
  watch,
  type Ref,
  type ShallowRef,
  type WatchSource,
} from 'vue'

export interface UseRequestReturn<T> {
  /** The last answer; kept while reloading, cleared when `key` changes. */
  data: ShallowRef<T | null>
  error: Ref<unknown>
  loading: Ref<boolean>
  reload: () => Promise<void>
}

/**
 * Loads `load()` now and again whenever `key` changes. A newer request
 * aborts the one still running, so a slow old answer never overwrites a
 * fresh one.
 */
export function useRequest<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: WatchSource,
): UseRequestReturn<T> {
  const data = shallowRef<T | null>(null)
  const error = ref<unknown>(null)
  const loading = ref(false)
  let controller: AbortController | undefined

  async function reload() {
    controller?.abort()
    const current = new AbortController()
    controller = current
    loading.value = true
    try {
      const result = await load(current.signal)
      if (current.signal.aborted) return
      data.value = result
      error.value = null
    } catch (caught) {
      if (current.signal.aborted) return
      error.value = caught
    } finally {
      if (controller === current) loading.value = false
    }
  }

  watch(
    key,
    () => {
      data.value = null
      error.value = null
      void reload()
    },
    { immediate: true },
  )
  onScopeDispose(() => controller?.abort())

  return { data, error, loading, reload }
}
