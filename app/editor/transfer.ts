import type { Problem } from '../../shared/workflow/problems'
import type { WorkflowDocument } from '../../shared/workflow/schema'
import { validateWorkflow } from '../../shared/workflow/validate'
import { writeClipboard } from './clipboard'
import { toEditableDocument } from './editable'

/** The document as a person reads it: pretty JSON, one final newline. */
export function exportText(document: WorkflowDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`
}

/** `Employee onboarding` → `employee-onboarding.workflow.json`. */
export function exportFileName(document: WorkflowDocument): string {
  const stem = document.title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${stem || 'workflow'}.workflow.json`
}

/** Saves the document as a JSON file, through the browser's download. */
export function downloadDocument(
  document: WorkflowDocument,
  fileName = exportFileName(document),
): void {
  const blob = new Blob([exportText(document)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = window.document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // The click has started the download; the URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** Copies the document's JSON to the system clipboard. */
export function copyDocument(document: WorkflowDocument): Promise<void> {
  return writeClipboard(exportText(document))
}

export type ImportResult =
  /**
   * The document can be edited. `problems` lists everything to fix before
   * it can be published (empty when none): the editor opens it anyway.
   */
  | { ok: true; document: WorkflowDocument; problems: Problem[] }
  /** Not a workflow the editor can show; `message` says why and where. */
  | { ok: false; message: string }

/**
 * Reads a workflow from JSON text: a syntax error is named with its line
 * and column; every problem the validator finds is listed, but only a
 * text that is not a workflow at all is refused.
 */
export function importText(
  text: string,
  options: Parameters<typeof validateWorkflow>[1] = {},
): ImportResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, message: syntaxMessage(text, error) }
  }
  const editable = toEditableDocument(value)
  if (!editable.ok) return editable
  const { problems } = validateWorkflow(value, options)
  return { ok: true, document: editable.document, problems }
}

/** `importText` for a file the user picked or dropped. */
export async function importFile(
  file: Blob,
  options: Parameters<typeof validateWorkflow>[1] = {},
): Promise<ImportResult> {
  return importText(await file.text(), options)
}

/**
 * The parser's words plus the line and column: engines name the error
 * by character offset (V8, Node), by line and column (Firefox), or not
 * at all (Safari).
 */
function syntaxMessage(text: string, error: unknown): string {
  if (text.trim() === '') return 'The file is empty: it holds no workflow'
  const raw = error instanceof Error ? error.message : String(error)
  const reason = raw
    .replace(/^JSON\.parse: /, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ at line \d+ column \d+.*$/, '')
  const where = locate(text, raw)
  return `This is not valid JSON: ${reason}${where ? ` (${where})` : ''}`
}

function locate(text: string, message: string): string | null {
  const lineColumn = /line (\d+) column (\d+)/.exec(message)
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`
  const offset = /position (\d+)/.exec(message)
  if (!offset) return null
  const before = text.slice(0, Number(offset[1]))
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}
