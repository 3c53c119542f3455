import { computed, type ComputedRef } from 'vue'
import {
  useRoute,
  useRouter,
  type LocationQuery,
  type LocationQueryRaw,
} from 'vue-router'
import { NODE_STATUSES, type NodeStatus } from '../../shared/status'

/** The filters of the execution logs; '' means "any". */
export interface LogFilters {
  status: NodeStatus | ''
  workflowId: string
  jobId: string
  q: string
}

export const NO_FILTERS: LogFilters = {
  status: '',
  workflowId: '',
  jobId: '',
  q: '',
}

function text(value: LocationQuery[string] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value
  return first?.trim() ?? ''
}

function isNodeStatus(value: string): value is NodeStatus {
  return (NODE_STATUSES as readonly string[]).includes(value)
}

/** Reads the filters from a URL query; unknown values are ignored. */
export function filtersFromQuery(query: LocationQuery): LogFilters {
  const status = text(query.status)
  return {
    status: isNodeStatus(status) ? status : '',
    workflowId: text(query.workflowId),
    jobId: text(query.jobId),
    q: text(query.q),
  }
}

/** The query for a set of filters, leaving out the empty ones. */
export function filtersToQuery(filters: LogFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  for (const [key, value] of Object.entries(filters)) {
    const trimmed = value.trim()
    if (trimmed) query[key] = trimmed
  }
  return query
}

export interface UseLogFiltersReturn {
  filters: ComputedRef<LogFilters>
  setFilters: (next: Partial<LogFilters>) => Promise<unknown>
}

/**
 * The filters live in the URL query, so a copied link or a reload shows
 * the same rows, and Back undoes a filter.
 */
export function useLogFilters(): UseLogFiltersReturn {
  const route = useRoute()
  const router = useRouter()
  const filters = computed(() => filtersFromQuery(route.query))

  function setFilters(next: Partial<LogFilters>) {
    const query = filtersToQuery({ ...filters.value, ...next })
    return router.push({ query })
  }

  return { filters, setFilters }
}
