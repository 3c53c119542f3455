import type { VersionSummary, WorkflowVersion } from '../../shared/api'
import type { WorkflowDocument } from '../../shared/workflow/schema'
import { AppError } from '../errors'
import { notFound } from './workflows'

/** Published versions of a workflow, newest first. */
export async function listVersions(
  db: D1Database,
  id: string,
): Promise<VersionSummary[]> {
  const [workflow, versions] = await db.batch([
    db.prepare('SELECT 1 AS found FROM workflows WHERE id = ?').bind(id),
    db
      .prepare(
        `SELECT version, published_at AS publishedAt FROM workflow_versions
         WHERE workflow_id = ? ORDER BY version DESC`,
      )
      .bind(id),
  ])
  if (!workflow?.results.length) throw notFound(id)
  return versions!.results as VersionSummary[]
}

/** The latest published version and its document's stored text. */
export async function latestVersion(
  db: D1Database,
  id: string,
): Promise<{ version: number | null; document: string | null }> {
  const row = await db
    .prepare(
      `SELECT w.published_version AS version, v.document FROM workflows w
       LEFT JOIN workflow_versions v
         ON v.workflow_id = w.id AND v.version = w.published_version
       WHERE w.id = ?`,
    )
    .bind(id)
    .first<{ version: number | null; document: string | null }>()
  if (!row) throw notFound(id)
  return row
}

/**
 * Stores a document as the draft and publishes it as the next version, in
 * one batch, only if the latest published version is still `baseVersion`.
 * Both statements carry that condition, so a publish that slipped in
 * between the caller's check and this batch makes them change nothing,
 * and the conflict is reported rather than a version overwritten.
 */
export async function publishDocument(
  db: D1Database,
  id: string,
  document: WorkflowDocument,
  baseVersion: number | null,
): Promise<WorkflowVersion> {
  const now = new Date().toISOString()
  const text = JSON.stringify(document)
  const [inserted] = await db.batch<{ version: number }>([
    db
      .prepare(
        `INSERT INTO workflow_versions (workflow_id, version, document,
          published_at)
         SELECT id, COALESCE(published_version, 0) + 1, ?, ?
         FROM workflows WHERE id = ? AND published_version IS ?
         RETURNING version`,
      )
      .bind(text, now, id, baseVersion),
    // SET reads the row as it was, so both revisions get the same value.
    db
      .prepare(
        `UPDATE workflows SET title = ?, description = ?, draft = ?,
           draft_revision = draft_revision + 1,
           published_revision = draft_revision + 1,
           published_version = COALESCE(published_version, 0) + 1,
           updated_at = ?
         WHERE id = ? AND published_version IS ?`,
      )
      .bind(document.title, document.description, text, now, id, baseVersion),
  ])
  const version = inserted?.results[0]?.version
  if (version === undefined) {
    const latest = await latestVersion(db, id)
    throw versionConflict(latest.version, baseVersion)
  }
  return { workflowId: id, version, publishedAt: now, document }
}

export function versionConflict(
  latest: number | null,
  base: number | null,
): AppError {
  const started =
    base === null
      ? 'this draft was started before any version was published'
      : `this draft was started from version ${base}`
  const message =
    latest === null || (base !== null && latest < base)
      ? `This draft names version ${base} as its base, but ` +
        (latest === null
          ? 'no version has been published'
          : `the latest published version is ${latest}`) +
        '; reload the workflow before publishing'
      : `Version ${latest} was published since ${started}; ` +
        'compare and merge before publishing'
  return new AppError('version_conflict', message)
}
