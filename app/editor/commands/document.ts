import type { WorkflowDocument } from '../../../shared/workflow/schema'
import { layoutGraph } from '../../composables/useAutoLayout'
import { edgeId, type Piece } from '../document'
import { moveCommand } from './move'
import { count, swapCommand, type Command, type Made } from './command'

/**
 * Adds steps, connections and notes whose ids are already free in the
 * document (`preparePaste` in clipboard.ts renames them).
 */
export function pasteCommand(document: WorkflowDocument, piece: Piece): Made {
  const total = piece.nodes.length + piece.notes.length
  if (total === 0) return { ok: false, message: 'There is nothing to paste' }
  const ids = {
    nodes: new Set(piece.nodes.map((node) => node.id)),
    edges: new Set(piece.edges.map(edgeId)),
    notes: new Set(piece.notes.map((note) => note.id)),
  }
  const clash = document.nodes.some((node) => ids.nodes.has(node.id))
  if (clash) return { ok: false, message: 'Pasted steps must have new ids' }
  const command: Command = {
    label:
      piece.nodes.length > 0
        ? `Paste ${count(piece.nodes.length, 'step')}`
        : `Paste ${count(piece.notes.length, 'note')}`,
    apply: (doc) => ({
      ...doc,
      nodes: [...doc.nodes, ...piece.nodes],
      edges: [...doc.edges, ...piece.edges],
      notes: [...doc.notes, ...piece.notes],
    }),
    revert: (doc) => ({
      ...doc,
      nodes: doc.nodes.filter((node) => !ids.nodes.has(node.id)),
      edges: doc.edges.filter((edge) => !ids.edges.has(edgeId(edge))),
      notes: doc.notes.filter((note) => !ids.notes.has(note.id)),
    }),
  }
  return { ok: true, command }
}

/**
 * Lays every step out again, left to right with dagre, and saves the
 * positions, so the canvas and the saved document agree.
 */
export function autoLayoutCommand(document: WorkflowDocument): Made {
  if (document.nodes.length === 0) {
    return { ok: false, message: 'There is nothing to lay out' }
  }
  // Positions are dropped first: layoutGraph keeps those it is given.
  const unplaced = document.nodes.map((node) => ({
    ...node,
    position: undefined,
  }))
  const positions = layoutGraph({ nodes: unplaced, edges: document.edges })
  const rounded = [...positions].map(([id, { x, y }]) => [
    id,
    { x: Math.round(x), y: Math.round(y) },
  ])
  const made = moveCommand(document, { nodes: Object.fromEntries(rounded) })
  if (!made.ok) return made
  const { apply, revert } = made.command
  // Not merged with a drag before it: it is its own step.
  return {
    ok: true,
    command: { label: 'Tidy up the layout', layoutOnly: true, apply, revert },
  }
}

/** Replaces the whole document: an import, or restoring a version. */
export function replaceDocumentCommand(
  document: WorkflowDocument,
  next: WorkflowDocument,
  label = 'Replace the workflow',
): Command {
  return swapCommand(label, document, next)
}
