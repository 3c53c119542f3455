import { MarkerType } from '@vue-flow/core'
import type { Problem } from '../../../../shared/workflow/problems'
import type {
  StickyNote,
  WorkflowDocument,
  WorkflowEdge,
  WorkflowNode,
} from '../../../../shared/workflow/schema'
import { layoutGraph } from '../../../composables/useAutoLayout'
import { edgeId, type Selection, type XY } from '../../../editor/document'
import {
  NOTE_PREFIX,
  type EditorFlowEdge,
  type EditorFlowNode,
} from './canvas.types'
import { createElementCache, type CachePass } from './element-cache'

export interface ElementsInput {
  document: WorkflowDocument
  selection: Selection
  problemsByNode: ReadonlyMap<string, Problem[]>
}

export interface ElementsUpdate {
  nodes: CachePass<EditorFlowNode>
  edges: CachePass<EditorFlowEdge>
}

const KIND_NAMES: Record<WorkflowNode['kind'], string> = {
  trigger: 'Trigger',
  app: 'App action',
  condition: 'Condition',
}

/**
 * Derives Vue Flow's nodes and edges from the document in one pass. An
 * element whose step, selection and problem count did not change keeps
 * its object, and the pass says which changed: a keystroke in the
 * inspector updates one node of 800, not all of them (Vue Flow's
 * `setNodes` costs the square of the node count).
 */
export function createElementsDeriver() {
  const nodeCache = createElementCache<EditorFlowNode>()
  const edgeCache = createElementCache<EditorFlowEdge>()

  return function derive(input: ElementsInput): ElementsUpdate {
    const { document, selection, problemsByNode } = input
    const selectedNodes = new Set(selection.nodes)
    const selectedNotes = new Set(selection.notes)
    const selectedEdges = new Set(selection.edges)
    // Imported documents may lack positions; saved ones never do.
    const unplaced = document.nodes.some((node) => !node.position)
    const layout = unplaced ? layoutGraph(document) : null

    function* nodeItems() {
      for (const node of document.nodes) {
        const selected = selectedNodes.has(node.id)
        const problems = problemsByNode.get(node.id)?.length ?? 0
        const at = node.position ?? layout?.get(node.id) ?? { x: 0, y: 0 }
        yield {
          id: node.id,
          deps: [node, selected, problems, at.x, at.y],
          make: () => stepNode(node, at, selected, problems),
        }
      }
      for (const note of document.notes) {
        const selected = selectedNotes.has(note.id)
        yield {
          id: `${NOTE_PREFIX}${note.id}`,
          deps: [note, selected],
          make: () => noteNode(note, selected),
        }
      }
    }

    function* edgeItems() {
      for (const edge of document.edges) {
        const id = edgeId(edge)
        const selected = selectedEdges.has(id)
        yield {
          id,
          deps: [edge, selected],
          make: () => flowEdge(edge, selected),
        }
      }
    }

    return { nodes: nodeCache(nodeItems()), edges: edgeCache(edgeItems()) }
  }
}

function stepNode(
  node: WorkflowNode,
  at: XY,
  selected: boolean,
  problems: number,
): EditorFlowNode {
  return {
    id: node.id,
    type: node.kind,
    // A copy: Vue Flow's node must never share the document's.
    position: { x: at.x, y: at.y },
    data: { node, editable: true, problems },
    selected,
    ariaLabel: `${KIND_NAMES[node.kind]}: ${node.label}`,
  }
}

function noteNode(note: StickyNote, selected: boolean): EditorFlowNode {
  return {
    id: `${NOTE_PREFIX}${note.id}`,
    type: 'note',
    position: { x: note.position.x, y: note.position.y },
    data: { note },
    selected,
    ariaLabel: 'Note',
    connectable: false,
    style: {
      width: `${note.width ?? 220}px`,
      height: note.height ? `${note.height}px` : undefined,
    },
  }
}

function flowEdge(edge: WorkflowEdge, selected: boolean): EditorFlowEdge {
  return {
    id: edgeId(edge),
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.branch,
    label: edge.branch,
    class: edge.branch ? `edge--${edge.branch}` : undefined,
    markerEnd: MarkerType.ArrowClosed,
    updatable: false,
    selected,
  }
}
