import type { Job, NodeDetails, NodeRun } from '../../shared/api'
import type { JobStatus } from '../../shared/status'
import { createRedactor } from './redact'
import type { StepResult } from './walk'

/** The job's own row inside its Durable Object. */
export interface JobRecord {
  id: string
  workflowId: string
  version: number
  title: string
  source: string
  entity: string
  trigger: unknown
  status: JobStatus
  startedAt: string
  finishedAt: string | null
  /** How far the D1 log has been written: the last seq and status. */
  flushedSeq: number
  flushedStatus: JobStatus | null
}

export interface RunRecord extends NodeRun {
  seq: number
  result: StepResult
  /** Values of secret inputs, removed from all the job shows. */
  sensitive: string[]
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS job (
    id TEXT PRIMARY KEY, workflow_id TEXT NOT NULL, version INTEGER NOT NULL,
    title TEXT NOT NULL, source TEXT NOT NULL, entity TEXT NOT NULL,
    trigger TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL,
    finished_at TEXT, flushed_seq INTEGER NOT NULL DEFAULT 0,
    flushed_status TEXT
  );
  CREATE TABLE IF NOT EXISTS runs (
    seq INTEGER PRIMARY KEY, node_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL, label TEXT NOT NULL, app TEXT, action TEXT,
    status TEXT NOT NULL, status_code INTEGER, message TEXT NOT NULL,
    started_at TEXT NOT NULL, finished_at TEXT NOT NULL,
    result TEXT NOT NULL, details TEXT NOT NULL,
    sensitive TEXT NOT NULL DEFAULT '[]'
  );`

/**
 * Typed access to a job's SQLite storage. Every write is one statement,
 * so a node's result is either stored whole or not at all.
 */
export class JobStore {
  readonly #sql: SqlStorage
  /**
   * The tables are created with the job, not on construction: looking up
   * an id that names no job must not leave storage behind.
   */
  #hasTables: boolean

  constructor(storage: DurableObjectStorage) {
    this.#sql = storage.sql
    this.#hasTables =
      this.#sql
        .exec(
          "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'job'",
        )
        .toArray().length > 0
  }

  job(): JobRecord | null {
    if (!this.#hasTables) return null
    const row = this.#sql.exec('SELECT * FROM job LIMIT 1').toArray()[0]
    if (!row) return null
    return {
      id: String(row.id),
      workflowId: String(row.workflow_id),
      version: Number(row.version),
      title: String(row.title),
      source: String(row.source),
      entity: String(row.entity),
      trigger: JSON.parse(String(row.trigger)),
      status: row.status as JobStatus,
      startedAt: String(row.started_at),
      finishedAt: row.finished_at === null ? null : String(row.finished_at),
      flushedSeq: Number(row.flushed_seq),
      flushedStatus: (row.flushed_status as JobStatus | null) ?? null,
    }
  }

  createJob(job: Omit<JobRecord, 'flushedSeq' | 'flushedStatus'>): void {
    this.#sql.exec(SCHEMA)
    this.#hasTables = true
    this.#sql.exec(
      `INSERT INTO job (id, workflow_id, version, title, source, entity,
        trigger, status, started_at, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      job.id,
      job.workflowId,
      job.version,
      job.title,
      job.source,
      job.entity,
      JSON.stringify(job.trigger),
      job.status,
      job.startedAt,
      job.finishedAt,
    )
  }

  finishJob(status: JobStatus, finishedAt: string): void {
    this.#sql.exec(
      'UPDATE job SET status = ?, finished_at = ?',
      status,
      finishedAt,
    )
  }

  markFlushed(seq: number, status: JobStatus): void {
    this.#sql.exec(
      'UPDATE job SET flushed_seq = ?, flushed_status = ?',
      seq,
      status,
    )
  }

  runs(afterSeq = 0): RunRecord[] {
    if (!this.#hasTables) return []
    return this.#sql
      .exec('SELECT * FROM runs WHERE seq > ? ORDER BY seq', afterSeq)
      .toArray()
      .map((row) => ({
        seq: Number(row.seq),
        nodeId: String(row.node_id),
        kind: row.kind as NodeRun['kind'],
        label: String(row.label),
        app: row.app === null ? null : String(row.app),
        action: row.action === null ? null : String(row.action),
        status: row.status as NodeRun['status'],
        statusCode: row.status_code === null ? null : Number(row.status_code),
        message: String(row.message),
        startedAt: String(row.started_at),
        finishedAt: String(row.finished_at),
        details: JSON.parse(String(row.details)) as NodeDetails,
        result: JSON.parse(String(row.result)) as StepResult,
        sensitive: JSON.parse(String(row.sensitive)) as string[],
      }))
  }

  saveRun(run: RunRecord): void {
    this.#sql.exec(
      `INSERT INTO runs (seq, node_id, kind, label, app, action, status,
        status_code, message, started_at, finished_at, result, details,
        sensitive)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      run.seq,
      run.nodeId,
      run.kind,
      run.label,
      run.app,
      run.action,
      run.status,
      run.statusCode,
      run.message,
      run.startedAt,
      run.finishedAt,
      JSON.stringify(run.result),
      JSON.stringify(run.details),
      JSON.stringify(run.sensitive),
    )
  }

  snapshot(): Job | null {
    const job = this.job()
    if (!job) return null
    const runs = this.runs()
    const redact = createRedactor(runs.flatMap((run) => run.sensitive))
    return {
      id: job.id,
      workflowId: job.workflowId,
      workflowVersion: job.version,
      workflowTitle: job.title,
      status: job.status,
      source: job.source,
      entity: job.entity,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      trigger: redact(job.trigger),
      nodes: runs.map(({ seq: _, result: __, sensitive: ___, ...run }) => run),
    }
  }
}
