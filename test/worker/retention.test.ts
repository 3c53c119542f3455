import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { purgeExpired } from '../../worker/db/logs'

const NOW = new Date('2026-12-03T12:00:00.000Z')
const daysAgo = (days: number) =>
  new Date(NOW.getTime() - days * 86_400_000).toISOString()

async function addJob(id: string, started: string, finished: string | null) {
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO jobs (id, workflow_id, workflow_version, workflow_title,
        status, source, entity, started_at, finished_at)
       VALUES (?, 'wf', 1, 'Retention', ?, '1', 'ticket', ?, ?)`,
    ).bind(id, finished ? 'success' : 'running', started, finished),
    env.DB.prepare(
      `INSERT INTO log_entries (id, job_id, seq, started_at, finished_at,
        workflow_id, workflow_version, workflow_title, source, entity,
        node_id, node_label, node_kind, status, message, details)
       VALUES (?, ?, 1, ?, ?, 'wf', 1, 'Retention', '1', 'ticket', 'n', 'N',
        'app', 'success', 'ok', '{}')`,
    ).bind(`${id}:0001`, id, started, started),
  ])
}

describe('the 30-day retention sweep (C26)', () => {
  it('removes jobs finished over 30 days ago with their rows only', async () => {
    await addJob('a', daysAgo(31), daysAgo(31))
    await addJob('b', daysAgo(29), daysAgo(29))
    await addJob('c', daysAgo(31), null)
    await addJob('d', daysAgo(31), daysAgo(1))

    await purgeExpired(env.DB, NOW)

    const jobs = await env.DB.prepare(
      "SELECT id FROM jobs WHERE workflow_title = 'Retention' ORDER BY id",
    ).all<{ id: string }>()
    expect(jobs.results.map((j) => j.id)).toEqual(['b', 'c', 'd'])
    const rows = await env.DB.prepare(
      "SELECT job_id FROM log_entries WHERE workflow_title = 'Retention' " +
        'ORDER BY job_id',
    ).all<{ job_id: string }>()
    expect(rows.results.map((r) => r.job_id)).toEqual(['b', 'c', 'd'])
  })
})
