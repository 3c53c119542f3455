import type {
  StickyNote,
  WorkflowDocument,
  WorkflowNode,
} from '../../../shared/workflow/schema'
import type { XY } from '../document'
import { count, type Command, type Made } from './command'

/** New top-left corners, by step id and by note id. */
export interface Moves {
  nodes?: Record<string, XY>
  notes?: Record<string, XY>
}

/** Where things were; `undefined` for a step that had no position. */
interface Before {
  nodes: Record<string, XY | undefined>
  notes: Record<string, XY>
}

/**
 * Moves steps and notes. A drag sends one move per frame; moves of the
 * same steps and notes that follow each other are one undo step, back to
 * where the first one started.
 */
export function moveCommand(document: WorkflowDocument, moves: Moves): Made {
  const after = { nodes: moves.nodes ?? {}, notes: moves.notes ?? {} }
  const before: Before = { nodes: {}, notes: {} }
  for (const node of document.nodes) {
    if (node.id in after.nodes) before.nodes[node.id] = node.position
  }
  for (const note of document.notes) {
    if (note.id in after.notes) before.notes[note.id] = note.position
  }
  const moved =
    Object.keys(before.nodes).length + Object.keys(before.notes).length
  if (moved === 0) return { ok: false, message: 'Nothing to move' }
  return { ok: true, command: positionsCommand(before, after) }
}

function positionsCommand(
  before: Before,
  after: Required<Moves>,
): Command & { moves: Required<Moves> } {
  const steps = Object.keys(before.nodes).length
  const notes = Object.keys(before.notes).length
  const self = {
    label:
      steps > 0 && notes > 0
        ? 'Move the selection'
        : `Move ${steps > 0 ? count(steps, 'step') : count(notes, 'note')}`,
    moves: after,
    layoutOnly: true,
    apply: (doc: WorkflowDocument) => place(doc, after),
    revert: (doc: WorkflowDocument) => place(doc, before),
    merge(next: Command) {
      const moves = (next as Partial<typeof self>).moves
      if (!moves || !sameKeys(moves, after)) return null
      return positionsCommand(before, moves)
    },
  }
  return self
}

function sameKeys(a: Required<Moves>, b: Required<Moves>): boolean {
  const ids = (positions: object) => Object.keys(positions).sort().join()
  return ids(a.nodes) === ids(b.nodes) && ids(a.notes) === ids(b.notes)
}

function place(
  doc: WorkflowDocument,
  positions: {
    nodes: Record<string, XY | undefined>
    notes: Record<string, XY>
  },
): WorkflowDocument {
  const nodes = doc.nodes.map((node): WorkflowNode => {
    if (!(node.id in positions.nodes)) return node
    const position = positions.nodes[node.id]
    if (position) return { ...node, position }
    const { position: _gone, ...rest } = node
    return rest as WorkflowNode
  })
  const notes = doc.notes.map((note): StickyNote =>
    note.id in positions.notes
      ? { ...note, position: positions.notes[note.id]! }
      : note,
  )
  return { ...doc, nodes, notes }
}
