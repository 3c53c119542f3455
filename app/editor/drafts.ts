import { Dexie, type EntityTable } from 'dexie'
import type { WorkflowDocument } from '../../shared/workflow/schema'

/**
 * Drafts live in the browser (IndexedDB), so editing needs no network and
 * survives a closed tab or a crash. One draft per workflow (`wf:<id>`),
 * and one per workflow not yet created on the server (`new:<uuid>`).
 */
export interface Draft {
  key: string
  /** Null until the workflow exists on the server. */
  workflowId: string | null
  title: string
  /** The published version the draft started from; null if none. */
  baseVersion: number | null
  document: WorkflowDocument
  /** ISO 8601 instant of the last change, as the server writes them. */
  updatedAt: string
}

/** A draft without its document, for a list of drafts. */
export type DraftSummary = Omit<Draft, 'document'>

export const DRAFTS_DATABASE = 'switchboard-drafts'

type DraftsDatabase = Dexie & { drafts: EntityTable<Draft, 'key'> }

let database: DraftsDatabase | null = null

function db(): DraftsDatabase {
  if (!database) {
    database = new Dexie(DRAFTS_DATABASE) as DraftsDatabase
    database.version(1).stores({ drafts: 'key, workflowId, updatedAt' })
  }
  return database
}

/** The key of an existing workflow's draft. */
export function workflowDraftKey(workflowId: string): string {
  return `wf:${workflowId}`
}

/** A key for the draft of a workflow that does not exist yet. */
export function newDraftKey(): string {
  return `new:${crypto.randomUUID()}`
}

/** Writes a draft, replacing the one with the same key. */
export async function saveDraft(draft: Draft): Promise<void> {
  await db().drafts.put(draft)
}

export async function loadDraft(key: string): Promise<Draft | undefined> {
  return db().drafts.get(key)
}

/** Every draft, the most recently changed first. */
export async function listDrafts(): Promise<DraftSummary[]> {
  const drafts = await db().drafts.orderBy('updatedAt').reverse().toArray()
  return drafts.map(({ document: _document, ...summary }) => summary)
}

export async function deleteDraft(key: string): Promise<void> {
  await db().drafts.delete(key)
}

/**
 * Moves a draft to another key in one transaction: a new workflow's
 * draft becomes `wf:<id>` once the server has created it.
 */
export async function renameDraft(from: string, draft: Draft): Promise<void> {
  const { drafts } = db()
  await db().transaction('rw', drafts, async () => {
    await drafts.delete(from)
    await drafts.put(draft)
  })
}

/**
 * Closes the connection; the next call opens a new one. Tests use it to
 * stand for a reload; a page has no need to.
 */
export function closeDrafts(): void {
  database?.close()
  database = null
}
