import { performance } from 'node:perf_hooks'
import type { Job } from '../shared/api'
import { median, percentile } from './engine'
import { noOpChain } from './workflows'

export interface Latency {
  p50: number
  p95: number
}

/** Sequential requests after a warm-up; milliseconds. */
export async function latency(
  send: () => Promise<Response>,
  count: number,
): Promise<Latency> {
  for (let i = 0; i < 20; i++) await (await send()).arrayBuffer()
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    const response = await send()
    await response.arrayBuffer()
    samples.push(performance.now() - start)
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
  }
  return { p50: median(samples), p95: percentile(samples, 0.95) }
}

/** Creates and publishes a chain of no-op steps; returns its hook URL. */
export async function publishChain(
  baseUrl: string,
  length: number,
): Promise<string> {
  const created = await fetch(`${baseUrl}/api/workflows`, {
    method: 'POST',
    body: JSON.stringify(noOpChain(length)),
  })
  if (created.status !== 201) throw new Error(await created.text())
  const { id, hookUrl } = (await created.json()) as {
    id: string
    hookUrl: string
  }
  await fetch(`${baseUrl}/api/workflows/${id}/publish`, { method: 'POST' })
  return hookUrl
}

export function postTicket(hookUrl: string, id = 4711): Promise<Response> {
  return fetch(hookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ticket: { id } }),
  })
}

/**
 * Median engine time of a job, from the job's own timestamps: from the
 * moment it was recorded to its last step's end, every step's result and
 * log row written durably.
 */
export async function jobMillis(
  baseUrl: string,
  hookUrl: string,
  count: number,
): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const { jobId } = (await (await postTicket(hookUrl, i)).json()) as {
      jobId: string
    }
    const job = await finished(baseUrl, jobId)
    samples.push(Date.parse(job.finishedAt!) - Date.parse(job.startedAt))
  }
  return median(samples)
}

async function finished(baseUrl: string, jobId: string): Promise<Job> {
  for (let tries = 0; tries < 2000; tries++) {
    const job = (await (
      await fetch(`${baseUrl}/api/jobs/${jobId}`)
    ).json()) as Job
    if (job.status !== 'running') return job
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`job ${jobId} did not finish`)
}
