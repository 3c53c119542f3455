import {
  MarkerType,
  type Edge,
  type Node,
  type XYPosition,
} from '@vue-flow/core'
import type {
  WorkflowDocument,
  WorkflowNode,
} from '../../../shared/workflow/schema'

/** What each canvas node carries: the workflow node it draws. */
export interface FlowNodeData {
  node: WorkflowNode
  /** The editor's canvas: handles can be dragged to connect steps. */
  editable?: boolean
  /** How many problems the step has; the editor shows a badge. */
  problems?: number
}

export type FlowNode = Node<FlowNodeData>

export interface FlowElements {
  nodes: FlowNode[]
  edges: Edge[]
}

/**
 * The workflow document as Vue Flow nodes and edges. Node types are the
 * node kinds, so each kind gets its own component; a condition's edges
 * leave from the handle of their branch and carry its name as label.
 */
export function toFlowElements(
  document: Pick<WorkflowDocument, 'nodes' | 'edges'>,
  positions: ReadonlyMap<string, XYPosition>,
): FlowElements {
  const nodes = document.nodes.map((node): FlowNode => ({
    id: node.id,
    type: node.kind,
    position: positions.get(node.id) ?? { x: 0, y: 0 },
    data: { node },
    // Read-only view: the editor turns these on.
    draggable: false,
    connectable: false,
  }))
  const edges = document.edges.map((edge): Edge => ({
    id: `${edge.source}->${edge.target}`,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.branch,
    label: edge.branch,
    class: edge.branch ? `edge--${edge.branch}` : undefined,
    markerEnd: MarkerType.ArrowClosed,
    updatable: false,
  }))
  return { nodes, edges }
}
