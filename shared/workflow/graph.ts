import type { WorkflowEdge, WorkflowNode } from './schema'

/** Adjacency of a workflow, built once per document. */
export interface WorkflowGraph {
  nodes: ReadonlyMap<string, WorkflowNode>
  incoming: ReadonlyMap<string, WorkflowEdge[]>
  outgoing: ReadonlyMap<string, WorkflowEdge[]>
}

export function buildGraph(
  nodes: readonly WorkflowNode[],
  edges: readonly WorkflowEdge[],
): WorkflowGraph {
  const byId = new Map<string, WorkflowNode>()
  const incoming = new Map<string, WorkflowEdge[]>()
  const outgoing = new Map<string, WorkflowEdge[]>()
  for (const node of nodes) {
    byId.set(node.id, node)
    incoming.set(node.id, [])
    outgoing.set(node.id, [])
  }
  for (const edge of edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue
    outgoing.get(edge.source)!.push(edge)
    incoming.get(edge.target)!.push(edge)
  }
  return { nodes: byId, incoming, outgoing }
}

/**
 * Kahn's topological order. Nodes left over sit on or behind a cycle;
 * they are returned apart so the validator can name them.
 */
export function topologicalOrder(graph: WorkflowGraph): {
  order: string[]
  cyclic: string[]
} {
  const pending = new Map<string, number>()
  for (const [id, edges] of graph.incoming) pending.set(id, edges.length)
  const ready = [...pending].filter(([, n]) => n === 0).map(([id]) => id)
  const order: string[] = []
  while (ready.length > 0) {
    const id = ready.shift()!
    order.push(id)
    for (const edge of graph.outgoing.get(id) ?? []) {
      const left = pending.get(edge.target)! - 1
      pending.set(edge.target, left)
      if (left === 0) ready.push(edge.target)
    }
  }
  const cyclic = [...pending].filter(([, n]) => n > 0).map(([id]) => id)
  return { order, cyclic }
}

/** Every node a node can be reached from: the steps it may read. */
export function ancestors(graph: WorkflowGraph, id: string): Set<string> {
  const seen = new Set<string>()
  const stack = [id]
  while (stack.length > 0) {
    for (const edge of graph.incoming.get(stack.pop()!) ?? []) {
      if (!seen.has(edge.source)) {
        seen.add(edge.source)
        stack.push(edge.source)
      }
    }
  }
  return seen
}

/** Every node reachable from the given one. */
export function descendants(graph: WorkflowGraph, id: string): Set<string> {
  const seen = new Set<string>([id])
  const stack = [id]
  while (stack.length > 0) {
    for (const edge of graph.outgoing.get(stack.pop()!) ?? []) {
      if (!seen.has(edge.target)) {
        seen.add(edge.target)
        stack.push(edge.target)
      }
    }
  }
  return seen
}

/** Whether a step runs before another: the steps a binding may read. */
export interface Upstream {
  has(id: string): boolean
}

/**
 * The upstream steps of every node at once, as bit sets filled in graph
 * order: each node's set is its sources' sets plus the sources. Asking
 * `ancestors` per node would walk the graph once per node, which a
 * workflow of hundreds of steps feels on every keystroke.
 */
export function upstreamIndex(graph: WorkflowGraph): (id: string) => Upstream {
  const { order, cyclic } = topologicalOrder(graph)
  const ids = [...order, ...cyclic]
  const position = new Map(ids.map((id, i) => [id, i]))
  const words = Math.ceil(ids.length / 32)
  const bits = new Map<string, Uint32Array>()
  for (const id of order) {
    const set = new Uint32Array(words)
    for (const edge of graph.incoming.get(id) ?? []) {
      const source = position.get(edge.source)!
      set[source >>> 5]! |= 1 << (source & 31)
      const inherited = bits.get(edge.source)
      if (inherited) for (let w = 0; w < words; w++) set[w]! |= inherited[w]!
    }
    bits.set(id, set)
  }
  return (id) => {
    const set = bits.get(id)
    // Nodes on a cycle have no order; walk for them (they are refused).
    if (!set) return ancestors(graph, id)
    return {
      has: (other) => {
        const at = position.get(other)
        return at !== undefined && (set[at >>> 5]! & (1 << (at & 31))) !== 0
      },
    }
  }
}
