export interface AutosaveOptions {
  /** Writes the current state; called again if it changed meanwhile. */
  save: () => Promise<void>
  /** A failed write; the next change tries again. */
  onError?: (error: unknown) => void
  /** Where to listen for the page being hidden or left; none in tests. */
  target?: { window: Window; document: Document }
}

export interface Autosave {
  /** Says the state changed: it is written now, or right after the write
   * in progress. */
  schedule(): void
  /** Resolves once every change so far is written. */
  flush(): Promise<void>
  /** Stops listening to the page. */
  dispose(): void
}

/**
 * Saves after every change with no delay: a write starts at once, and
 * changes made while it runs are written together right after it. So the
 * last change before a crash is lost only if the crash comes within one
 * IndexedDB write, and a drag's many moves cost one write per write time,
 * not one per frame. Hiding or leaving the page flushes.
 */
export function createAutosave(options: AutosaveOptions): Autosave {
  let dirty = false
  let running: Promise<void> | null = null

  async function run(): Promise<void> {
    try {
      while (dirty) {
        dirty = false
        await options.save()
      }
    } catch (error) {
      options.onError?.(error)
    } finally {
      running = null
    }
  }

  function schedule(): void {
    dirty = true
    running ??= run()
  }

  function flush(): Promise<void> {
    if (dirty) running ??= run()
    return running ?? Promise.resolve()
  }

  const target = options.target
  const onHidden = () => {
    if (target?.document.visibilityState === 'hidden') void flush()
  }
  const onPageHide = () => void flush()
  target?.document.addEventListener('visibilitychange', onHidden)
  target?.window.addEventListener('pagehide', onPageHide)

  return {
    schedule,
    flush,
    dispose() {
      target?.document.removeEventListener('visibilitychange', onHidden)
      target?.window.removeEventListener('pagehide', onPageHide)
    },
  }
}
