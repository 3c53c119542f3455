import type { LogEntry, Page } from '../../shared/api'
import type { NodeStatus } from '../../shared/status'
import { AppError } from '../errors'

export interface LogQuery {
  status?: NodeStatus
  workflowId?: string
  jobId?: string
  /** Free text, matched in messages, labels, titles, sources and details. */
  q?: string
  cursor?: string
  limit: number
}

interface LogRow {
  id: string
  job_id: string
  started_at: string
  finished_at: string
  workflow_id: string
  workflow_version: number
  workflow_title: string
  source: string
  entity: string
  node_id: string
  node_label: string
  node_kind: 'app' | 'condition'
  app: string | null
  action: string | null
  status: NodeStatus
  status_code: number | null
  message: string
  details: string
  is_test: number
}

/** Newest first, paged by a keyset cursor on (started_at, id). */
export async function queryLogs(
  db: D1Database,
  query: LogQuery,
): Promise<Page<LogEntry>> {
  const where: string[] = []
  const params: (string | number)[] = []
  if (query.status) {
    where.push('status = ?')
    params.push(query.status)
  }
  if (query.workflowId) {
    where.push('workflow_id = ?')
    params.push(query.workflowId)
  }
  if (query.jobId) {
    // The table shows the first characters of a job id; any prefix finds
    // the job, as a range so the index serves it.
    const prefix = query.jobId.trim().toLowerCase()
    where.push('job_id >= ? AND job_id < ?')
    params.push(prefix, `${prefix}\uffff`)
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
    const columns = ['message', 'node_label', 'workflow_title', 'source']
    where.push(
      `(${[...columns, 'job_id', 'details']
        .map((column) => `${column} LIKE ? ESCAPE '\\'`)
        .join(' OR ')})`,
    )
    params.push(...Array<string>(columns.length + 2).fill(like))
  }
  if (query.cursor) {
    const [startedAt, id] = decodeCursor(query.cursor)
    where.push('(started_at < ? OR (started_at = ? AND id < ?))')
    params.push(startedAt, startedAt, id)
  }
  const sql = `SELECT * FROM log_entries
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY started_at DESC, id DESC LIMIT ?`
  const { results } = await db
    .prepare(sql)
    .bind(...params, query.limit + 1)
    .all<LogRow>()
  const rows = results.slice(0, query.limit)
  const last = rows.at(-1)
  return {
    items: rows.map(toEntry),
    nextCursor:
      results.length > query.limit && last
        ? encodeCursor(last.started_at, last.id)
        : null,
  }
}

function toEntry(row: LogRow): LogEntry {
  return {
    id: row.id,
    jobId: row.job_id,
    workflowId: row.workflow_id,
    workflowVersion: row.workflow_version,
    workflowTitle: row.workflow_title,
    source: row.source,
    entity: row.entity,
    test: row.is_test === 1,
    nodeId: row.node_id,
    label: row.node_label,
    kind: row.node_kind,
    app: row.app,
    action: row.action,
    status: row.status,
    statusCode: row.status_code,
    message: row.message,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    details: JSON.parse(row.details) as LogEntry['details'],
  }
}

function encodeCursor(startedAt: string, id: string): string {
  return btoa(JSON.stringify([startedAt, id]))
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(atob(cursor))
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((part) => typeof part === 'string')
    ) {
      return value as [string, string]
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError(
    'invalid_request',
    'The cursor is not one this API gave out; start again without it',
  )
}

/** A log row as the engine writes it. */
export function insertLogStatement(
  db: D1Database,
  entry: LogEntry & { seq: number },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO log_entries (id, job_id, seq, started_at,
        finished_at, workflow_id, workflow_version, workflow_title, source,
        entity, node_id, node_label, node_kind, app, action, status,
        status_code, message, details, is_test)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      entry.id,
      entry.jobId,
      entry.seq,
      entry.startedAt,
      entry.finishedAt,
      entry.workflowId,
      entry.workflowVersion,
      entry.workflowTitle,
      entry.source,
      entry.entity,
      entry.nodeId,
      entry.label,
      entry.kind,
      entry.app,
      entry.action,
      entry.status,
      entry.statusCode,
      entry.message,
      JSON.stringify(entry.details),
      entry.test ? 1 : 0,
    )
}

export const LOG_RETENTION_DAYS = 30

/**
 * Deletes jobs that finished more than 30 days ago with their log rows,
 * and old test-run rows. A job's age counts from its finish, so running
 * and waiting jobs are never removed (C26).
 */
export async function purgeExpired(db: D1Database, now: Date): Promise<void> {
  const cutoff = new Date(
    now.getTime() - LOG_RETENTION_DAYS * 86_400_000,
  ).toISOString()
  await db.batch([
    db
      .prepare(
        `DELETE FROM log_entries WHERE job_id IN
         (SELECT id FROM jobs WHERE finished_at < ?)`,
      )
      .bind(cutoff),
    db
      .prepare('DELETE FROM log_entries WHERE is_test = 1 AND started_at < ?')
      .bind(cutoff),
    db.prepare('DELETE FROM jobs WHERE finished_at < ?').bind(cutoff),
  ])
}
