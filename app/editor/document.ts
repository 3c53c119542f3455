import type {
  StickyNote,
  WorkflowDocument,
  WorkflowEdge,
  WorkflowNode,
} from '../../shared/workflow/schema'

/** A point on the canvas, in flow coordinates. */
export interface XY {
  x: number
  y: number
}

/**
 * What is selected on the canvas. Edge ids come from `edgeId`; the lists
 * are replaced, never changed in place.
 */
export interface Selection {
  nodes: string[]
  edges: string[]
  notes: string[]
}

export const EMPTY_SELECTION: Selection = Object.freeze({
  nodes: [],
  edges: [],
  notes: [],
}) as Selection

/** Steps, connections and notes cut out of a document (or pasted in). */
export interface Piece {
  nodes: WorkflowNode[]
  edges: WorkflowEdge[]
  notes: StickyNote[]
}

/** The fields of a node kind that an edit may change (not id or kind). */
export type NodePatch = {
  [K in WorkflowNode['kind']]: Partial<
    Omit<Extract<WorkflowNode, { kind: K }>, 'id' | 'kind'>
  >
}[WorkflowNode['kind']]

/**
 * The id the editor gives an edge, as Vue Flow's edge id. The editor
 * allows one connection per pair of steps, so the pair is enough.
 */
export function edgeId(edge: Pick<WorkflowEdge, 'source' | 'target'>) {
  return `${edge.source}->${edge.target}`
}

/**
 * `base` if no id in `taken` has it, else `base_2`, `base_3`… Step ids
 * appear in placeholders, so the readable form is worth keeping.
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  // Pasting `get_user_2` again gives `get_user_3`, not `get_user_2_2`.
  const stem = base.replace(/_\d+$/, '').slice(0, 58)
  for (let n = 2; ; n++) {
    const id = `${stem}_${n}`
    if (!taken.has(id)) return id
  }
}

/** Turns any text into a valid step id stem (`Get user!` → `get_user`). */
export function idStem(text: string): string {
  const stem = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 56)
  return stem || 'step'
}

/** The ids of a document's nodes. */
export function nodeIds(document: WorkflowDocument): Set<string> {
  return new Set(document.nodes.map((node) => node.id))
}

export function findNode(
  document: WorkflowDocument,
  id: string,
): WorkflowNode | undefined {
  return document.nodes.find((node) => node.id === id)
}

export function findNote(
  document: WorkflowDocument,
  id: string,
): StickyNote | undefined {
  return document.notes.find((note) => note.id === id)
}

/** A copy of the document with one node replaced by `change(node)`. */
export function mapNode(
  document: WorkflowDocument,
  id: string,
  change: (node: WorkflowNode) => WorkflowNode,
): WorkflowDocument {
  return {
    ...document,
    nodes: document.nodes.map((n) => (n.id === id ? change(n) : n)),
  }
}

/** A copy of the document with one note replaced by `change(note)`. */
export function mapNote(
  document: WorkflowDocument,
  id: string,
  change: (note: StickyNote) => StickyNote,
): WorkflowDocument {
  return {
    ...document,
    notes: document.notes.map((n) => (n.id === id ? change(n) : n)),
  }
}

/** Puts `items` back at their former indexes (ascending) in `list`. */
export function insertAt<T>(
  list: readonly T[],
  items: readonly { index: number; item: T }[],
): T[] {
  const out = [...list]
  for (const { index, item } of items) {
    out.splice(Math.min(index, out.length), 0, item)
  }
  return out
}

/**
 * What a new workflow starts with: a trigger for the service desk's
 * service requests, the case most workflows begin from.
 */
export function blankDocument(title = 'Untitled workflow'): WorkflowDocument {
  return {
    format: 'switchboard.workflow',
    formatVersion: 1,
    title,
    description: '',
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Service request created',
        event: 'service_request.created',
        entity: 'ticket',
        source: '{{trigger.ticket.id}}',
        position: { x: 0, y: 0 },
      },
    ],
    edges: [],
    notes: [],
  }
}

/**
 * Values from outside (a form's reactive object, say) become plain JSON
 * before they enter the document: Vue proxies cannot be stored in
 * IndexedDB, and the document must stay JSON. `undefined` is kept, as it
 * means "remove this field" in a patch.
 */
export function plain<T>(value: T): T {
  if (value === undefined) return value
  return JSON.parse(JSON.stringify(value)) as T
}

/** `plain` for each value of a patch, keeping keys set to `undefined`. */
export function plainPatch<T extends object>(patch: T): T {
  return Object.fromEntries(
    Object.entries(patch).map(([key, value]) => [key, plain(value)]),
  ) as T
}
