import {
  onScopeDispose,
  ref,
  shallowRef,
  toValue,
  watch,
  type MaybeRefOrGetter,
  type Ref,
  type ShallowRef,
} from 'vue'
import { api } from '../api/client'
import type { LogEntry } from '../../shared/api'
import type { LogFilters } from './useLogFilters'

export interface UseLogPagesOptions {
  pageSize?: number
}

export interface UseLogPagesReturn {
  /** Newest first, in the server's order. */
  rows: ShallowRef<LogEntry[]>
  hasMore: Ref<boolean>
  loading: Ref<boolean>
  loadingMore: Ref<boolean>
  error: Ref<unknown>
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
}

/**
 * Pages of log rows for the given filters. The first page loads whenever
 * the filters change; "load more" appends the next page by the keyset
 * cursor the server handed out.
 */
export function useLogPages(
  filters: MaybeRefOrGetter<LogFilters>,
  { pageSize = 50 }: UseLogPagesOptions = {},
): UseLogPagesReturn {
  const rows = shallowRef<LogEntry[]>([])
  const cursor = ref<string | null>(null)
  const hasMore = ref(false)
  const loading = ref(false)
  const loadingMore = ref(false)
  const error = ref<unknown>(null)
  let controller: AbortController | undefined

  async function fetchPage(after: string | null): Promise<void> {
    // Whatever is in flight belongs to an older view of the logs.
    controller?.abort()
    const current = new AbortController()
    controller = current
    const { status, workflowId, jobId, q } = toValue(filters)
    const busy = after ? loadingMore : loading
    busy.value = true
    try {
      const page = await api.logs(
        {
          status: status || undefined,
          workflowId,
          jobId,
          q,
          limit: pageSize,
          cursor: after ?? undefined,
        },
        current.signal,
      )
      if (current.signal.aborted) return
      rows.value = after ? [...rows.value, ...page.items] : page.items
      cursor.value = page.nextCursor
      hasMore.value = page.nextCursor !== null
      error.value = null
    } catch (caught) {
      if (!current.signal.aborted) error.value = caught
    } finally {
      if (controller === current) {
        loading.value = false
        loadingMore.value = false
      }
    }
  }

  const refresh = () => fetchPage(null)

  async function loadMore() {
    if (cursor.value && !loading.value) await fetchPage(cursor.value)
  }

  // The key is the filters' values, so an equal query changes nothing.
  watch(() => JSON.stringify(toValue(filters)), refresh, { immediate: true })
  onScopeDispose(() => controller?.abort())

  return { rows, hasMore, loading, loadingMore, error, refresh, loadMore }
}
