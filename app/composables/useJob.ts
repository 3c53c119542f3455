import { onScopeDispose, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { api } from '../api/client'
import type { Job } from '../../shared/api'
import { useRequest, type UseRequestReturn } from './useRequest'

export interface UseJobOptions {
  /** How often a running job is fetched again, in ms. */
  pollMs?: number
}

/**
 * One job, fetched again every `pollMs` while it is running, so its nodes
 * appear as they finish. Polling stops when the job ends, on an error, and
 * when the caller's scope goes away.
 */
export function useJob(
  id: MaybeRefOrGetter<string>,
  { pollMs = 1000 }: UseJobOptions = {},
): UseRequestReturn<Job> {
  const request = useRequest(
    (signal) => api.job(toValue(id), signal),
    () => toValue(id),
  )
  let timer: ReturnType<typeof setTimeout> | undefined

  // Waiting for each answer before the next request means a slow server
  // never has more than one poll in flight.
  watch(request.data, (job) => {
    clearTimeout(timer)
    if (job?.status === 'running') {
      timer = setTimeout(() => void request.reload(), pollMs)
    }
  })
  onScopeDispose(() => clearTimeout(timer))

  return request
}
