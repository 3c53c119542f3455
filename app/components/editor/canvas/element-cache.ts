/** One element: what it was made from, and the object made. */
interface Entry<F> {
  deps: readonly unknown[]
  flow: F
}

export interface CachePass<F> {
  /** Every element, in document order. */
  all: F[]
  /** Elements whose object is new, of ids seen in the last pass too. */
  changed: F[]
  /** Ids came or went since the last pass. */
  rebuilt: boolean
}

/**
 * Keeps the object made for each id while what it is made from (`deps`,
 * compared by identity) stays the same, and reports what changed, so the
 * canvas hands Vue Flow only those.
 */
export function createElementCache<F>() {
  let entries = new Map<string, Entry<F>>()

  return function pass(
    items: Iterable<{ id: string; deps: readonly unknown[]; make: () => F }>,
  ): CachePass<F> {
    const next = new Map<string, Entry<F>>()
    const all: F[] = []
    const changed: F[] = []
    let rebuilt = false
    for (const { id, deps, make } of items) {
      const old = entries.get(id)
      let entry = old
      if (!entry || !sameDeps(entry.deps, deps)) {
        entry = { deps, flow: make() }
        if (old) changed.push(entry.flow)
        else rebuilt = true
      }
      next.set(id, entry)
      all.push(entry.flow)
    }
    if (next.size !== entries.size) rebuilt = true
    entries = next
    return { all, changed, rebuilt }
  }
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]))
}
