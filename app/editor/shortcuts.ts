import {
  getCurrentScope,
  onScopeDispose,
  toValue,
  type MaybeRefOrGetter,
} from 'vue'
import { writeClipboard } from './clipboard'
import type { EditorStore } from './store'

export type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'removeSelection'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'autoLayout'

export interface Shortcut {
  action: ShortcutAction
  /** `Mod` is Ctrl, or Cmd on a Mac; keys as `KeyboardEvent.key`. */
  keys: readonly string[]
  /** For menus and tooltips. */
  label: string
}

/** Every keyboard shortcut of the editor, in one place. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'undo', keys: ['Mod+Z'], label: 'Undo' },
  { action: 'redo', keys: ['Mod+Shift+Z', 'Ctrl+Y'], label: 'Redo' },
  {
    action: 'removeSelection',
    keys: ['Delete', 'Backspace'],
    label: 'Delete the selection',
  },
  { action: 'copy', keys: ['Mod+C'], label: 'Copy' },
  { action: 'paste', keys: ['Mod+V'], label: 'Paste' },
  { action: 'selectAll', keys: ['Mod+A'], label: 'Select all' },
  { action: 'autoLayout', keys: ['L'], label: 'Tidy up the layout' },
]

type KeyInput = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'
>

/** The action a key press stands for, or null. */
export function matchShortcut(
  event: KeyInput,
  shortcuts: readonly Shortcut[] = SHORTCUTS,
): ShortcutAction | null {
  const found = shortcuts.find((shortcut) =>
    shortcut.keys.some((keys) => matches(event, keys)),
  )
  return found?.action ?? null
}

function matches(event: KeyInput, keys: string): boolean {
  const parts = keys.split('+')
  const key = parts.pop()!.toLowerCase()
  const wants = new Set(parts)
  const ctrl = wants.has('Ctrl') || (wants.has('Mod') && !event.metaKey)
  const meta = wants.has('Mod') && !ctrl
  return (
    event.ctrlKey === ctrl &&
    event.metaKey === meta &&
    event.shiftKey === wants.has('Shift') &&
    event.altKey === wants.has('Alt') &&
    keyName(event) === key
  )
}

/**
 * The key's name in lower case. On layouts without Latin letters (`я` for
 * Z), the physical key says which letter the shortcut means.
 */
function keyName(event: KeyInput): string {
  const key = event.key.toLowerCase()
  const letter = /^Key([A-Z])$/.exec(event.code)?.[1]
  if (key.length === 1 && !/[a-z]/.test(key) && letter) {
    return letter.toLowerCase()
  }
  return key
}

/** `Mod+Shift+Z` as the user's keyboard says it: `⌘⇧Z`, `Ctrl+Shift+Z`. */
export function describeKeys(keys: string, mac = isMac()): string {
  if (!mac) return keys.replace('Mod', 'Ctrl')
  const symbols: Record<string, string> = {
    Mod: '⌘',
    Ctrl: '⌃',
    Shift: '⇧',
    Alt: '⌥',
  }
  return keys
    .split('+')
    .map((part) => symbols[part] ?? part)
    .join('')
}

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iP/.test(navigator.platform)
}

const EDITABLE =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"])'

/** Typing in a field keeps its own keys: Backspace deletes a letter. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target instanceof HTMLElement && target.isContentEditable) return true
  return target.closest(EDITABLE) !== null
}

/** What a shortcut did, for a toast or a status line. */
export interface ShortcutOutcome {
  action: ShortcutAction
  ok: boolean
  /** Why nothing happened, or what was left out (a second trigger). */
  message?: string
}

export interface UseEditorShortcutsOptions {
  /** Where to listen; the window by default. */
  target?: EventTarget
  /** Off while a dialog is open, say; on by default. */
  enabled?: MaybeRefOrGetter<boolean>
  /** Told after each shortcut that ran. */
  onOutcome?: (outcome: ShortcutOutcome) => void
}

/**
 * Binds SHORTCUTS to the editor store while the calling component lives.
 * Keys typed into inputs, text areas and editable text are left alone.
 * Paste reads the browser's paste event, which needs no permission and
 * brings text copied in another tab; Copy writes with the Clipboard API.
 */
export function useEditorShortcuts(
  store: EditorStore,
  options: UseEditorShortcutsOptions = {},
): { stop: () => void } {
  const report = (outcome: ShortcutOutcome) => options.onOutcome?.(outcome)
  const active = (event: Event) =>
    toValue(options.enabled) !== false &&
    !event.defaultPrevented &&
    !isEditableTarget(event.target)

  function onKeyDown(event: KeyboardEvent): void {
    if (event.isComposing || !active(event)) return
    const action = matchShortcut(event)
    // Paste is left to the browser, which then sends the paste event.
    if (!action || action === 'paste') return
    if (action === 'copy') {
      const text = store.copy()
      // Nothing selected: the page's own copy (selected text) goes on.
      if (text === null) return
      event.preventDefault()
      writeClipboard(text).then(
        () => report({ action, ok: true }),
        () =>
          report({
            action,
            ok: false,
            message: 'The browser did not allow copying to the clipboard',
          }),
      )
      return
    }
    event.preventDefault()
    report({ action, ...run(action) })
  }

  function run(action: ShortcutAction): Omit<ShortcutOutcome, 'action'> {
    if (action === 'undo') return { ok: store.undo() }
    if (action === 'redo') return { ok: store.redo() }
    if (action === 'selectAll') {
      store.selectAll()
      return { ok: true }
    }
    const result =
      action === 'autoLayout' ? store.autoLayout() : store.removeSelection()
    return result.ok ? { ok: true } : { ok: false, message: result.message }
  }

  function onPaste(event: Event): void {
    if (!active(event)) return
    const text = (event as ClipboardEvent).clipboardData?.getData('text/plain')
    if (text === undefined) return
    event.preventDefault()
    const result = store.paste(text)
    report(
      result.ok
        ? { action: 'paste', ok: true, message: result.notice }
        : { action: 'paste', ok: false, message: result.message },
    )
  }

  const target = options.target ?? window
  target.addEventListener('keydown', onKeyDown as EventListener)
  target.addEventListener('paste', onPaste)
  const stop = () => {
    target.removeEventListener('keydown', onKeyDown as EventListener)
    target.removeEventListener('paste', onPaste)
  }
  if (getCurrentScope()) onScopeDispose(stop)
  return { stop }
}
