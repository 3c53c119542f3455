import type { WorkflowDocument } from '../../../shared/workflow/schema'
import { edgeId, insertAt, type Selection } from '../document'
import { count, type Command, type Made } from './command'

/** Each removed item with the index it had, to put it back in place. */
function pick<T>(list: readonly T[], chosen: (item: T) => boolean) {
  return list.flatMap((item, index) => (chosen(item) ? [{ index, item }] : []))
}

/**
 * Removes the selected steps with every connection they have, the
 * selected connections and the selected notes. Undo puts everything back
 * where it was, so the order of steps (and the JSON) is unchanged.
 */
export function removeSelectionCommand(
  document: WorkflowDocument,
  selection: Selection,
): Made {
  const nodeSet = new Set(selection.nodes)
  const edgeSet = new Set(selection.edges)
  const noteSet = new Set(selection.notes)
  const nodes = pick(document.nodes, (node) => nodeSet.has(node.id))
  const edges = pick(
    document.edges,
    (edge) =>
      edgeSet.has(edgeId(edge)) ||
      nodeSet.has(edge.source) ||
      nodeSet.has(edge.target),
  )
  const notes = pick(document.notes, (note) => noteSet.has(note.id))
  if (nodes.length + edges.length + notes.length === 0) {
    return { ok: false, message: 'Nothing is selected' }
  }
  const gone = {
    nodes: new Set(nodes.map(({ item }) => item.id)),
    edges: new Set(edges.map(({ item }) => edgeId(item))),
    notes: new Set(notes.map(({ item }) => item.id)),
  }
  // Connections that go with their steps are not worth naming.
  const ownEdges = edges.filter(
    ({ item }) => !nodeSet.has(item.source) && !nodeSet.has(item.target),
  )
  const command: Command = {
    label:
      nodes.length === 1 && ownEdges.length + notes.length === 0
        ? `Delete "${nodes[0]!.item.label}"`
        : describe(nodes.length, ownEdges.length, notes.length),
    apply: (doc) => ({
      ...doc,
      nodes: doc.nodes.filter((node) => !gone.nodes.has(node.id)),
      edges: doc.edges.filter((edge) => !gone.edges.has(edgeId(edge))),
      notes: doc.notes.filter((note) => !gone.notes.has(note.id)),
    }),
    revert: (doc) => ({
      ...doc,
      nodes: insertAt(doc.nodes, nodes),
      edges: insertAt(doc.edges, edges),
      notes: insertAt(doc.notes, notes),
    }),
  }
  return { ok: true, command }
}

function describe(nodes: number, edges: number, notes: number): string {
  const kinds = [nodes, edges, notes].filter((n) => n > 0).length
  if (kinds > 1) return 'Delete the selection'
  if (nodes > 0) return `Delete ${count(nodes, 'step')}`
  if (notes > 0) return `Delete ${count(notes, 'note')}`
  return `Delete ${count(edges, 'connection')}`
}
