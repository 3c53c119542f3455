import type { Rect, ViewportTransform } from '@vue-flow/core'
import { describe, expect, it } from 'vitest'
import {
  initialViewport,
  MIN_READABLE_ZOOM,
} from '../../app/components/flow/initial-viewport'

// The canvas at 1280 × 800, with 120 px kept for the controls and map.
const pane = { width: 888, height: 590, bottomInset: 120 }

/** Where the workflow's bounding box lands in the pane, in pixels. */
function onScreen(bounds: Rect, { x, y, zoom }: ViewportTransform) {
  return {
    left: x + bounds.x * zoom,
    right: x + (bounds.x + bounds.width) * zoom,
    top: y + bounds.y * zoom,
    bottom: y + (bounds.y + bounds.height) * zoom,
  }
}

describe('initialViewport', () => {
  it('starts a long workflow at its trigger, at a readable zoom', () => {
    // The employee onboarding template: eight steps in seven columns.
    const bounds = { x: 0, y: 40, width: 1760, height: 380 }
    const viewport = initialViewport(bounds, pane)

    expect(viewport.zoom).toBe(MIN_READABLE_ZOOM)
    const box = onScreen(bounds, viewport)
    expect(box.left).toBe(24)
    expect(box.right).toBeGreaterThan(pane.width)
    expect(box.top).toBeGreaterThanOrEqual(24)
    expect(box.bottom).toBeLessThanOrEqual(pane.height - pane.bottomInset)
  })

  it('shows all of a workflow that is legible whole, centred', () => {
    const bounds = { x: 100, y: 100, width: 1000, height: 300 }
    const viewport = initialViewport(bounds, pane)

    expect(viewport.zoom).toBeCloseTo(0.84)
    const box = onScreen(bounds, viewport)
    expect(box.left).toBeCloseTo(24)
    expect(box.right).toBeCloseTo(pane.width - 24)
    expect(box.bottom).toBeLessThanOrEqual(pane.height - pane.bottomInset)
  })

  it('does not blow a small workflow up past its size', () => {
    const bounds = { x: 0, y: 0, width: 400, height: 150 }
    const viewport = initialViewport(bounds, pane)

    expect(viewport.zoom).toBe(1)
    const box = onScreen(bounds, viewport)
    expect(box.left + box.right).toBeCloseTo(pane.width)
    expect(box.top + box.bottom).toBeCloseTo(pane.height - pane.bottomInset)
  })
})
