import type { Dimensions, Edge, Node } from '@vue-flow/core'
import type { StickyNote } from '../../../../shared/workflow/schema'
import type { XY } from '../../../editor/document'
import type { FlowNodeData } from '../../flow/flow-elements'

/** A sticky note drawn as a canvas node. */
export interface NoteNodeData {
  note: StickyNote
}

/**
 * Fields of Vue Flow's own nodes that its `Node` type leaves out, though
 * it copies them over like every other field: the store's selection is
 * what the canvas shows, and a size lets it skip nodes out of view.
 */
interface GraphFields {
  selected?: boolean
  dimensions?: Dimensions
}

export type EditorFlowNode = (Node<FlowNodeData> | Node<NoteNodeData>) &
  GraphFields

export type EditorFlowEdge = Edge & Pick<GraphFields, 'selected'>

/** What the palette puts in a drag, as `application/x-switchboard-node`. */
export type PaletteSpec =
  | { kind: 'trigger' }
  | { kind: 'condition' }
  | { kind: 'app'; app: string; action: string }

export const PALETTE_MIME = 'application/x-switchboard-node'

/** Canvas node ids of notes: steps and notes have separate id spaces. */
export const NOTE_PREFIX = 'note:'

/** The canvas's intents; the page turns them into store operations. */
export interface CanvasEvents {
  /**
   * New top-left corners: at the end of a drag, or for each arrow key
   * press on selected steps (`nudge`), which make one undo step together.
   */
  move: [
    moves: { nodes: Record<string, XY>; notes: Record<string, XY> },
    how: 'drag' | 'nudge',
  ]
  connect: [
    connection: { source: string; target: string; sourceHandle?: string },
  ]
  select: [selection: { nodes: string[]; edges: string[]; notes: string[] }]
  /** Something from the palette was dropped at `position`. */
  drop: [spec: PaletteSpec, position: XY]
  'edit:note': [id: string, text: string]
}
