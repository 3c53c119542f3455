import { ancestors, buildGraph } from '../../../shared/workflow/graph'
import type {
  WorkflowDocument,
  WorkflowEdge,
} from '../../../shared/workflow/schema'
import { edgeId, findNode, insertAt } from '../document'
import type { Command, Made } from './command'

/**
 * What Vue Flow's `connect` event carries. A condition has one source
 * handle per branch, with the ids `true` and `false`.
 */
export interface Connection {
  source: string
  target: string
  sourceHandle?: string | null
}

/**
 * Connects two steps. Refused, with the reason: a step to itself, a pair
 * already connected, anything into the trigger, a connection that would
 * close a loop, and a condition output other than `true` or `false`.
 */
export function connectCommand(
  document: WorkflowDocument,
  connection: Connection,
): Made<{ edge: WorkflowEdge }> {
  const edge = toEdge(document, connection)
  if (typeof edge === 'string') return { ok: false, message: edge }
  return {
    ok: true,
    edge,
    command: {
      label: 'Connect steps',
      apply: (doc) => ({ ...doc, edges: [...doc.edges, edge] }),
      revert: (doc) => ({
        ...doc,
        edges: doc.edges.filter((e) => edgeId(e) !== edgeId(edge)),
      }),
    },
  }
}

function toEdge(
  document: WorkflowDocument,
  { source, target, sourceHandle }: Connection,
): WorkflowEdge | string {
  const from = findNode(document, source)
  const to = findNode(document, target)
  if (!from || !to) return 'Both ends of a connection must be steps'
  if (source === target) return 'A step cannot connect to itself'
  if (to.kind === 'trigger') return 'Nothing can connect into the trigger'
  const id = edgeId({ source, target })
  if (document.edges.some((edge) => edgeId(edge) === id)) {
    return `"${from.label}" is already connected to "${to.label}"`
  }
  const graph = buildGraph(document.nodes, document.edges)
  if (ancestors(graph, source).has(target)) {
    return `"${to.label}" runs before "${from.label}", so this would loop`
  }
  if (from.kind !== 'condition') return { source, target }
  if (sourceHandle !== 'true' && sourceHandle !== 'false') {
    return `Connect from the true or the false output of "${from.label}"`
  }
  return { source, target, branch: sourceHandle }
}

/** Removes one connection, by its `edgeId`. */
export function removeEdgeCommand(
  document: WorkflowDocument,
  id: string,
): Made {
  const index = document.edges.findIndex((edge) => edgeId(edge) === id)
  const edge = document.edges[index]
  if (!edge) return { ok: false, message: 'That connection is gone' }
  const command: Command = {
    label: 'Remove connection',
    apply: (doc) => ({
      ...doc,
      edges: doc.edges.filter((e) => edgeId(e) !== id),
    }),
    revert: (doc) => ({
      ...doc,
      edges: insertAt(doc.edges, [{ index, item: edge }]),
    }),
  }
  return { ok: true, command }
}
