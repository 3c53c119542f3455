import { z } from 'zod'
import {
  formatPath,
  parsePath,
  PlaceholderSyntaxError,
} from '../../shared/placeholders/parse'
import {
  StickyNote,
  WORKFLOW_FORMAT,
  WorkflowDocument,
  WorkflowEdge,
  WorkflowNode,
} from '../../shared/workflow/schema'
import {
  edgeId,
  nodeIds,
  uniqueId,
  type Piece,
  type Selection,
} from './document'

export const FRAGMENT_FORMAT = 'switchboard.workflow.fragment'

/**
 * What Copy puts on the clipboard, as JSON text: plain text travels
 * between tabs and windows, and into a chat or a ticket for a colleague.
 */
export const WorkflowFragment = z.object({
  format: z.literal(FRAGMENT_FORMAT),
  formatVersion: z.literal(1),
  nodes: z.array(WorkflowNode),
  edges: z.array(WorkflowEdge).default([]),
  notes: z.array(StickyNote).default([]),
})
export type WorkflowFragment = z.infer<typeof WorkflowFragment>

/** How far a paste lands from the original, so both are visible. */
export const PASTE_OFFSET = 40

/**
 * The selected steps and notes, with the connections whose both ends are
 * selected; null when nothing that can be copied is selected.
 */
export function copyFragment(
  document: WorkflowDocument,
  selection: Selection,
): WorkflowFragment | null {
  const ids = new Set(selection.nodes)
  const noteIds = new Set(selection.notes)
  const nodes = document.nodes.filter((node) => ids.has(node.id))
  const notes = document.notes.filter((note) => noteIds.has(note.id))
  if (nodes.length + notes.length === 0) return null
  const edges = document.edges.filter(
    (edge) => ids.has(edge.source) && ids.has(edge.target),
  )
  return { format: FRAGMENT_FORMAT, formatVersion: 1, nodes, edges, notes }
}

export function fragmentText(fragment: WorkflowFragment): string {
  return JSON.stringify(fragment, null, 2)
}

export type ParsedClipboard =
  { ok: true; piece: Piece } | { ok: false; message: string }

/**
 * Reads clipboard text: a fragment from Copy, or a whole workflow
 * document (pasting one adds its steps). Anything else is refused with
 * words for the user.
 */
export function parseClipboard(text: string): ParsedClipboard {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: NOT_STEPS }
  }
  const format = (value as { format?: unknown } | null)?.format
  const schema =
    format === FRAGMENT_FORMAT
      ? WorkflowFragment
      : format === WORKFLOW_FORMAT
        ? WorkflowDocument
        : null
  if (!schema) return { ok: false, message: NOT_STEPS }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` (at ${formatKeys(issue.path)})` : ''
    return {
      ok: false,
      message: `The copied steps are damaged: ${issue?.message}${where}`,
    }
  }
  const { nodes, edges, notes } = parsed.data
  return { ok: true, piece: { nodes, edges, notes } }
}

/** `['nodes', 0, 'id']` → `nodes[0].id`, as the validator writes paths. */
function formatKeys(keys: readonly PropertyKey[]): string {
  return keys
    .map((key, i) =>
      typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`,
    )
    .join('')
}

const NOT_STEPS =
  'The clipboard holds no Switchboard steps. Copy steps in the editor ' +
  '(Ctrl+C) or a workflow’s JSON export, then paste again.'

export interface PreparedPaste {
  /** What to add: ids free in the document, positions offset. */
  piece: Piece
  /** Old id → new id, for the steps whose id was taken. */
  renamed: ReadonlyMap<string, string>
  /** Said to the user when something was left out. */
  notice?: string
}

/**
 * Fits a piece into a document: steps and notes whose id is taken get a
 * new one (`get_user` → `get_user_2`) and the placeholders of the pasted
 * steps that read a renamed step follow it; everything moves by
 * PASTE_OFFSET. A trigger is left out when the document has one.
 */
export function preparePaste(
  document: WorkflowDocument,
  piece: Piece,
): PreparedPaste {
  const hasTrigger = document.nodes.some((node) => node.kind === 'trigger')
  const nodes = piece.nodes.filter(
    (node) => !(hasTrigger && node.kind === 'trigger'),
  )
  const skipped = nodes.length < piece.nodes.length

  const taken = nodeIds(document)
  const ids = new Map<string, string>()
  for (const node of nodes) {
    const id = uniqueId(node.id, taken)
    taken.add(id)
    ids.set(node.id, id)
  }
  const renamed = new Map([...ids].filter(([from, to]) => from !== to))

  const takenNotes = new Set(document.notes.map((note) => note.id))
  const notes = piece.notes.map((note) => {
    const id = uniqueId(note.id, takenNotes)
    takenNotes.add(id)
    return { ...note, id, position: offset(note.position) }
  })

  const edges = piece.edges.flatMap((edge) => {
    const source = ids.get(edge.source)
    const target = ids.get(edge.target)
    return source && target ? [{ ...edge, source, target }] : []
  })
  const unique = [...new Map(edges.map((e) => [edgeId(e), e])).values()]

  return {
    piece: {
      nodes: nodes.map((node) => moveNode(rewriteNode(node, renamed), ids)),
      edges: unique,
      notes,
    },
    renamed,
    ...(skipped
      ? {
          notice:
            'The trigger was not pasted: a workflow has exactly one, ' +
            'and this one has it.',
        }
      : {}),
  }
}

function offset(position: { x: number; y: number }) {
  return { x: position.x + PASTE_OFFSET, y: position.y + PASTE_OFFSET }
}

function moveNode(
  node: WorkflowNode,
  ids: ReadonlyMap<string, string>,
): WorkflowNode {
  const id = ids.get(node.id) ?? node.id
  return node.position
    ? { ...node, id, position: offset(node.position) }
    : { ...node, id }
}

/** The node with `{{steps.<old>…}}` turned into `{{steps.<new>…}}`. */
export function rewriteNode(
  node: WorkflowNode,
  renamed: ReadonlyMap<string, string>,
): WorkflowNode {
  if (renamed.size === 0) return node
  const text = (value: string) => rewritePlaceholders(value, renamed)
  if (node.kind === 'app') {
    const inputs = Object.fromEntries(
      Object.entries(node.inputs).map(([name, value]) => [
        name,
        typeof value === 'string' ? text(value) : value,
      ]),
    )
    return { ...node, inputs }
  }
  if (node.kind === 'condition') {
    const rules = node.rules.map((rule) => ({
      ...rule,
      value: text(rule.value),
      ...(rule.operand === undefined ? {} : { operand: text(rule.operand) }),
      ...(rule.operandTo === undefined
        ? {}
        : { operandTo: text(rule.operandTo) }),
    }))
    return { ...node, rules }
  }
  return node
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g

/**
 * Renames the step of each placeholder that reads one in `renamed`;
 * everything else, broken placeholders included, is left as written.
 */
export function rewritePlaceholders(
  template: string,
  renamed: ReadonlyMap<string, string>,
): string {
  return template.replace(PLACEHOLDER, (whole, expression: string) => {
    try {
      const path = parsePath(expression)
      const [step, ...rest] = path.segments
      const to = typeof step === 'string' ? renamed.get(step) : undefined
      if (path.root !== 'steps' || !to) return whole
      return formatPath('steps', [to, ...rest])
    } catch (error) {
      if (error instanceof PlaceholderSyntaxError) return whole
      throw error
    }
  })
}

/**
 * Writes text to the system clipboard. Allowed in a key or click
 * handler; rejects (with the browser's reason) where it is not.
 */
export async function writeClipboard(text: string): Promise<void> {
  await navigator.clipboard.writeText(text)
}

/** Reads the system clipboard; the browser may ask the user first. */
export async function readClipboard(): Promise<string> {
  return navigator.clipboard.readText()
}
