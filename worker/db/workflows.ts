import type {
  WorkflowDetail,
  WorkflowSummary,
  WorkflowVersion,
} from '../../shared/api'
import type { WorkflowDocument } from '../../shared/workflow/schema'
import { AppError, quote } from '../errors'

interface WorkflowRow {
  id: string
  title: string
  description: string
  draft: string
  draft_revision: number
  published_version: number | null
  published_revision: number | null
  created_at: string
  updated_at: string
}

const SUMMARY_COLUMNS = `id, title, description, draft_revision,
  published_version, published_revision, created_at, updated_at`

function toSummary(row: Omit<WorkflowRow, 'draft'>, origin: string) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    publishedVersion: row.published_version,
    hasUnpublishedChanges: row.published_revision !== row.draft_revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    hookUrl: `${origin}/hooks/${row.id}`,
  } satisfies WorkflowSummary
}

export async function listWorkflows(
  db: D1Database,
  origin: string,
): Promise<WorkflowSummary[]> {
  const { results } = await db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM workflows ORDER BY title, id`)
    .all<Omit<WorkflowRow, 'draft'>>()
  return results.map((row) => toSummary(row, origin))
}

export async function getWorkflow(
  db: D1Database,
  id: string,
  origin: string,
): Promise<WorkflowDetail> {
  const row = await db
    .prepare('SELECT * FROM workflows WHERE id = ?')
    .bind(id)
    .first<WorkflowRow>()
  if (!row) throw notFound(id)
  return {
    ...toSummary(row, origin),
    document: JSON.parse(row.draft) as WorkflowDocument,
  }
}

/** The draft of a workflow, or null when there is no such workflow. */
export async function findDraft(
  db: D1Database,
  id: string,
): Promise<WorkflowDocument | null> {
  const row = await db
    .prepare('SELECT draft FROM workflows WHERE id = ?')
    .bind(id)
    .first<{ draft: string }>()
  return row ? (JSON.parse(row.draft) as WorkflowDocument) : null
}

export async function createWorkflow(
  db: D1Database,
  id: string,
  document: WorkflowDocument,
): Promise<void> {
  const now = new Date().toISOString()
  await db
    .prepare(
      `INSERT INTO workflows (id, title, description, draft, created_at,
        updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      id,
      document.title,
      document.description,
      JSON.stringify(document),
      now,
      now,
    )
    .run()
}

export async function updateDraft(
  db: D1Database,
  id: string,
  document: WorkflowDocument,
): Promise<void> {
  const { meta } = await db
    .prepare(
      `UPDATE workflows SET title = ?, description = ?, draft = ?,
        draft_revision = draft_revision + 1, updated_at = ? WHERE id = ?`,
    )
    .bind(
      document.title,
      document.description,
      JSON.stringify(document),
      new Date().toISOString(),
      id,
    )
    .run()
  if (meta.changes === 0) throw notFound(id)
}

/**
 * Freezes the draft as the next version. The version number is computed
 * inside the INSERT and the pointer moves in the same batch, so two
 * concurrent publishes cannot produce the same version.
 */
export async function publishDraft(
  db: D1Database,
  id: string,
  document: WorkflowDocument,
  revision: number,
): Promise<WorkflowVersion> {
  const now = new Date().toISOString()
  const [inserted] = await db.batch<{ version: number }>([
    db
      .prepare(
        `INSERT INTO workflow_versions (workflow_id, version, document,
          published_at)
         SELECT id, COALESCE(published_version, 0) + 1, ?, ?
         FROM workflows WHERE id = ? RETURNING version`,
      )
      .bind(JSON.stringify(document), now, id),
    db
      .prepare(
        `UPDATE workflows SET published_version =
           COALESCE(published_version, 0) + 1, published_revision = ?,
           updated_at = ? WHERE id = ?`,
      )
      .bind(revision, now, id),
  ])
  const version = inserted?.results[0]?.version
  if (version === undefined) throw notFound(id)
  return { workflowId: id, version, publishedAt: now, document }
}

export interface DraftState {
  document: WorkflowDocument
  revision: number
  /** The latest version, if the draft has not changed since. */
  unchangedVersion: number | null
}

export async function getDraftState(
  db: D1Database,
  id: string,
): Promise<DraftState> {
  const row = await db
    .prepare(
      `SELECT draft, draft_revision, published_version, published_revision
       FROM workflows WHERE id = ?`,
    )
    .bind(id)
    .first<WorkflowRow>()
  if (!row) throw notFound(id)
  return {
    document: JSON.parse(row.draft) as WorkflowDocument,
    revision: row.draft_revision,
    unchangedVersion:
      row.published_revision === row.draft_revision
        ? row.published_version
        : null,
  }
}

export async function getVersion(
  db: D1Database,
  id: string,
  version: number,
): Promise<WorkflowVersion> {
  const row = await db
    .prepare(
      `SELECT document, published_at FROM workflow_versions
       WHERE workflow_id = ? AND version = ?`,
    )
    .bind(id, version)
    .first<{ document: string; published_at: string }>()
  if (!row) {
    throw new AppError(
      'not_found',
      `Workflow ${quote(id)} has no published version ${version}`,
    )
  }
  return {
    workflowId: id,
    version,
    publishedAt: row.published_at,
    document: JSON.parse(row.document) as WorkflowDocument,
  }
}

/** The published version a webhook runs, or why there is none. */
export async function getPublishedVersion(
  db: D1Database,
  id: string,
): Promise<number> {
  const row = await db
    .prepare('SELECT published_version FROM workflows WHERE id = ?')
    .bind(id)
    .first<{ published_version: number | null }>()
  if (!row) throw notFound(id)
  if (row.published_version === null) {
    throw new AppError(
      'not_published',
      `Workflow ${quote(id)} has not been published yet, so it cannot run`,
    )
  }
  return row.published_version
}

export function notFound(id: string): AppError {
  return new AppError('workflow_not_found', `No workflow with id ${quote(id)}`)
}
