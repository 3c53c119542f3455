import type { Rect, ViewportTransform } from '@vue-flow/core'

/**
 * Below this zoom node text gets too small to read (13 px labels at 0.8),
 * so a wide workflow is shown in part and panned instead.
 */
export const MIN_READABLE_ZOOM = 0.8
/** A small workflow is not blown up past its natural size. */
export const MAX_INITIAL_ZOOM = 1

export interface Pane {
  width: number
  height: number
  /** Screen pixels at the bottom kept free for the controls and map. */
  bottomInset: number
}

const PADDING = 24

/**
 * Where the canvas first looks: all of the workflow when that is legible,
 * otherwise its start (the trigger, on the left) at a readable zoom, so
 * the user pans to the right along the flow. The bottom inset keeps the
 * nodes clear of the zoom controls and the minimap.
 */
export function initialViewport(bounds: Rect, pane: Pane): ViewportTransform {
  const width = pane.width - 2 * PADDING
  const height = pane.height - pane.bottomInset - 2 * PADDING
  const fit = Math.min(width / bounds.width, height / bounds.height)
  const zoom = Math.min(Math.max(fit, MIN_READABLE_ZOOM), MAX_INITIAL_ZOOM)
  return {
    zoom,
    x: PADDING + offset(width, bounds.width * zoom) - bounds.x * zoom,
    y: PADDING + offset(height, bounds.height * zoom) - bounds.y * zoom,
  }
}

/** Centred when it fits, else aligned to the start. */
function offset(space: number, size: number): number {
  return size <= space ? (space - size) / 2 : 0
}
