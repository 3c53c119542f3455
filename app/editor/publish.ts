import type { Problem } from '../../shared/workflow/problems'
import { api, ApiRequestError, errorMessage } from '../api/client'
import type { EditorStore } from './store'

/** How a publish ended; each case is something the page shows. */
export type PublishResult =
  | { status: 'published'; workflowId: string; version: number }
  /** Someone published since this draft started; nothing was published. */
  | { status: 'conflict'; message: string }
  /** The document has problems (found here or by the server). */
  | { status: 'invalid'; problems: Problem[] }
  /** The network or the server failed; the draft is kept. */
  | { status: 'failed'; message: string }

/**
 * Publishes the document being edited as the workflow's next version.
 * Refused here while it has problems. A new workflow is created first
 * (`POST /api/workflows`), then published with no base version. On
 * success the local draft is deleted and `baseVersion` becomes the new
 * version; on any other outcome the draft stays as it is.
 */
export async function publishDraft(
  store: EditorStore,
  options: { signal?: AbortSignal } = {},
): Promise<PublishResult> {
  if (store.problems.length > 0) {
    return { status: 'invalid', problems: store.problems }
  }
  const document = store.document
  try {
    let workflowId = store.workflowId
    if (workflowId === null) {
      const created = await api.createWorkflow(document, options.signal)
      workflowId = created.id
      await store.attachWorkflow(workflowId)
    }
    const published = await api.publishVersion(
      workflowId,
      { document, baseVersion: store.baseVersion },
      options.signal,
    )
    await store.markPublished(document, published.version)
    return { status: 'published', workflowId, version: published.version }
  } catch (error) {
    return failure(error)
  }
}

function failure(error: unknown): PublishResult {
  if (!(error instanceof ApiRequestError)) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      return { status: 'failed', message: 'Publishing was cancelled.' }
    }
    return { status: 'failed', message: errorMessage(error) }
  }
  if (error.code === 'version_conflict') {
    return { status: 'conflict', message: error.message }
  }
  if (error.code === 'invalid_workflow') {
    const problems = error.problems ?? []
    return problems.length > 0
      ? { status: 'invalid', problems }
      : { status: 'failed', message: error.message }
  }
  return { status: 'failed', message: error.message }
}
