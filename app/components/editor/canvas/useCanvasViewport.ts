import type { Rect, VueFlowStore } from '@vue-flow/core'
import type { XY } from '../../../editor/document'
import { initialViewport } from '../../flow/initial-viewport'

/** A step card's usual size, until Vue Flow has measured it. */
export const CARD = { width: 200, height: 100 }
/** Where a lone trigger sits on screen, from the canvas's top left. */
const START = { x: 48, y: 64 }
/** Zooming to a step never goes below reading size. */
const READABLE_ZOOM = 0.8

export interface UseCanvasViewportOptions {
  /** Screen pixels at the bottom the controls and the map cover. */
  bottomInset: number
}

/**
 * Where the editor's canvas looks. Vue Flow's own helpers see only the
 * nodes it has drawn, and it draws only those in view, so these measure
 * every node: by its size once drawn, else by a card's.
 */
export function useCanvasViewport(
  flow: VueFlowStore,
  { bottomInset }: UseCanvasViewportOptions,
) {
  function bounds(): Rect | null {
    const all = flow.nodes.value
    if (all.length === 0) return null
    let left = Infinity
    let top = Infinity
    let right = -Infinity
    let bottom = -Infinity
    for (const node of all) {
      // `position`: the computed one is stale on a node never drawn.
      const { x, y } = node.position
      left = Math.min(left, x)
      top = Math.min(top, y)
      right = Math.max(right, x + (node.dimensions.width || CARD.width))
      bottom = Math.max(bottom, y + (node.dimensions.height || CARD.height))
    }
    return { x: left, y: top, width: right - left, height: bottom - top }
  }

  return {
    /**
     * The first view: a new workflow's trigger top left, where the flow
     * starts, with room for what comes next; a workflow at a readable
     * zoom, as in the workflow view.
     */
    placeFirstView(): void {
      const { width, height } = flow.dimensions.value
      const rect = bounds()
      if (!width || !height || !rect) return
      if (flow.nodes.value.length === 1) {
        void flow.setViewport({
          zoom: 1,
          x: START.x - rect.x,
          y: START.y - rect.y,
        })
        return
      }
      void flow.setViewport(
        initialViewport(rect, { width, height, bottomInset }),
      )
    },

    /** Zooms so every step and note is in view. */
    fitAll(): void {
      const rect = bounds()
      if (rect) void flow.fitBounds(rect, { padding: 0.1, duration: 300 })
    },

    /** The middle of what the canvas shows, in flow coordinates. */
    viewCentre(): XY {
      const { width, height } = flow.dimensions.value
      const { x, y } = flow.project({ x: width / 2, y: height / 2 })
      return { x: Math.round(x), y: Math.round(y) }
    },

    /** Pans to a step, zooming in to reading size if need be. */
    centreOn(id: string): void {
      const node = flow.findNode(id)
      if (!node) return
      const width = node.dimensions.width || CARD.width
      const height = node.dimensions.height || CARD.height
      const zoom = Math.max(flow.getViewport().zoom, READABLE_ZOOM)
      void flow.setCenter(
        node.position.x + width / 2,
        node.position.y + height / 2,
        { zoom, duration: 300 },
      )
    },
  }
}
