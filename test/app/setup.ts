import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, vi } from 'vitest'

// jsdom has no ResizeObserver, which Vue Flow needs to measure nodes.
if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
}

// jsdom has no SVG layout; Vue Flow measures edge labels with getBBox.
if (!('getBBox' in SVGElement.prototype)) {
  Object.defineProperty(SVGElement.prototype, 'getBBox', {
    value: () => ({ x: 0, y: 0, width: 0, height: 0 }),
  })
}

// Unmounting stops what a page left running: polls, timers, requests.
enableAutoUnmount(afterEach)

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})
