import { insertLogStatement } from '../db/logs'
import type { JobRecord, RunRecord } from './job-store'

/** D1 caps the statements of one batch; stay well below. */
const BATCH_SIZE = 50

/**
 * Writes the job row and its new log rows. Rows have fixed ids and are
 * inserted with OR IGNORE, so a flush repeated after a crash never
 * doubles a row.
 */
export async function flushToD1(
  db: D1Database,
  job: JobRecord,
  runs: RunRecord[],
): Promise<void> {
  const jobRow = db
    .prepare(
      `INSERT INTO jobs (id, workflow_id, workflow_version, workflow_title,
          status, source, entity, started_at, finished_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status,
           finished_at = excluded.finished_at`,
    )
    .bind(
      job.id,
      job.workflowId,
      job.version,
      job.title,
      job.status,
      job.source,
      job.entity,
      job.startedAt,
      job.finishedAt,
    )
  // The job row goes last: it never claims an outcome whose rows are
  // not written yet.
  const statements = [
    ...runs.map((run) =>
      insertLogStatement(db, {
        ...run,
        id: `${job.id}:${String(run.seq).padStart(4, '0')}`,
        jobId: job.id,
        workflowId: job.workflowId,
        workflowVersion: job.version,
        workflowTitle: job.title,
        source: job.source,
        entity: job.entity,
        test: false,
      }),
    ),
    jobRow,
  ]
  for (let i = 0; i < statements.length; i += BATCH_SIZE) {
    await db.batch(statements.slice(i, i + BATCH_SIZE))
  }
}
