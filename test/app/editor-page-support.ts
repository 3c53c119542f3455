// jsdom lays nothing out: every element is 0 × 0. The editor's canvas
// draws only the steps in view, and an empty view shows none; these give
// every element a window's size while the editor page is tested, and
// the DOMMatrixReadOnly Vue Flow reads the zoom from when it measures a
// handle.
const SIZE = { offsetWidth: 1200, offsetHeight: 800 }

let saved: PropertyDescriptor[] = []

class IdentityMatrix {
  readonly m22 = 1
}

export function giveTheCanvasASize(): void {
  saved = Object.entries(SIZE).map(([key, value]) => {
    const before = Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)!
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get: () => value,
    })
    return before
  })
  Object.defineProperty(window, 'DOMMatrixReadOnly', {
    configurable: true,
    writable: true,
    value: IdentityMatrix,
  })
}

export function restoreSizes(): void {
  Object.keys(SIZE).forEach((key, i) => {
    Object.defineProperty(HTMLElement.prototype, key, saved[i]!)
  })
  Reflect.deleteProperty(window, 'DOMMatrixReadOnly')
}
