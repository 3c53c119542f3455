import dagre from '@dagrejs/dagre'
import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import type { XYPosition } from '@vue-flow/core'
import type { WorkflowEdge, WorkflowNode } from '../../shared/workflow/schema'

export interface UseAutoLayoutOptions {
  /** Size a node is assumed to have; nodes are not measured first. */
  nodeWidth?: number
  nodeHeight?: number
  /** Space between columns (ranks) and between nodes of one column. */
  rankGap?: number
  nodeGap?: number
}

export interface UseAutoLayoutReturn {
  /** Top-left corner of every node, by node id. */
  positions: ComputedRef<Map<string, XYPosition>>
}

interface Graph {
  nodes: readonly WorkflowNode[]
  edges: readonly WorkflowEdge[]
}

/**
 * Where each node of a workflow goes on the canvas: its saved `position`
 * when it has one, otherwise a place from a left-to-right dagre layout.
 */
export function useAutoLayout(
  graph: MaybeRefOrGetter<Graph | null | undefined>,
  options: UseAutoLayoutOptions = {},
): UseAutoLayoutReturn {
  const positions = computed(() => {
    const value = toValue(graph)
    return value ? layoutGraph(value, options) : new Map()
  })
  return { positions }
}

export function layoutGraph(
  { nodes, edges }: Graph,
  {
    nodeWidth = 200,
    nodeHeight = 110,
    rankGap = 80,
    nodeGap = 40,
  }: UseAutoLayoutOptions = {},
): Map<string, XYPosition> {
  const placed = new Map<string, XYPosition>()
  for (const node of nodes) {
    if (node.position) placed.set(node.id, node.position)
  }
  // Documents saved by the editor have every position: skip the layout.
  if (placed.size === nodes.length) return placed

  const g = new dagre.graphlib.Graph()
  g.setGraph({ rankdir: 'LR', ranksep: rankGap, nodesep: nodeGap })
  g.setDefaultEdgeLabel(() => ({}))
  for (const node of nodes) {
    g.setNode(node.id, { width: nodeWidth, height: nodeHeight })
  }
  for (const edge of edges) {
    // An edge to a missing node would make dagre invent a sizeless one.
    if (g.hasNode(edge.source) && g.hasNode(edge.target)) {
      g.setEdge(edge.source, edge.target)
    }
  }
  dagre.layout(g)

  for (const node of nodes) {
    if (placed.has(node.id)) continue
    // dagre gives the centre; Vue Flow wants the top-left corner.
    const { x, y } = g.node(node.id) as { x: number; y: number }
    placed.set(node.id, { x: x - nodeWidth / 2, y: y - nodeHeight / 2 })
  }
  return placed
}
