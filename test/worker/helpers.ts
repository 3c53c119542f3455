import { exports } from 'cloudflare:workers'
import type { Job, LogEntry, Page } from '../../shared/api'
import { SANDBOX_URL } from './sandbox'

export const BASE = 'http://switchboard.test'

export function api(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`${BASE}${path}`, init))
}

export async function postHook(
  workflowId: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Response> {
  return api(`/hooks/${workflowId}`, { method: 'POST', body, headers })
}

/** Polls the job until it leaves `running`. */
export async function waitForJob(jobId: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const response = await api(`/api/jobs/${jobId}`)
    if (response.status === 200) {
      const job = (await response.json()) as Job
      if (job.status !== 'running') return job
    }
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export async function logsOf(jobId: string): Promise<LogEntry[]> {
  const response = await api(`/api/logs?jobId=${jobId}&limit=200`)
  return ((await response.json()) as Page<LogEntry>).items
}

export async function resetSandbox(): Promise<void> {
  const response = await fetch(`${SANDBOX_URL}/_sandbox/reset`, {
    method: 'POST',
  })
  if (!response.ok) throw new Error(`sandbox reset: ${response.status}`)
}
