import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import {
  describeKeys,
  matchShortcut,
  useEditorShortcuts,
  type ShortcutOutcome,
} from '../../app/editor/shortcuts'
import { clearDrafts, onboardingStore } from './editor-support'

afterEach(clearDrafts)

/** The store with shortcuts bound, as an editor page would have it. */
async function withShortcuts() {
  const store = await onboardingStore()
  const outcomes: ShortcutOutcome[] = []
  const scope = effectScope()
  scope.run(() =>
    useEditorShortcuts(store, { onOutcome: (o) => outcomes.push(o) }),
  )
  return { store, outcomes, stop: () => scope.stop() }
}

function press(init: KeyboardEventInit, target: EventTarget = window) {
  const event = new KeyboardEvent('keydown', {
    bubbles: true,
    cancelable: true,
    ...init,
  })
  target.dispatchEvent(event)
  return event
}

function pasteEvent(text: string) {
  const event = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', {
    value: { getData: (type: string) => (type === 'text/plain' ? text : '') },
  })
  window.dispatchEvent(event)
}

describe('the shortcut map', () => {
  it.each([
    [{ key: 'z', ctrlKey: true }, 'undo'],
    [{ key: 'z', metaKey: true }, 'undo'],
    [{ key: 'Z', ctrlKey: true, shiftKey: true }, 'redo'],
    [{ key: 'Z', metaKey: true, shiftKey: true }, 'redo'],
    [{ key: 'y', ctrlKey: true }, 'redo'],
    [{ key: 'Delete' }, 'removeSelection'],
    [{ key: 'Backspace' }, 'removeSelection'],
    [{ key: 'c', ctrlKey: true }, 'copy'],
    [{ key: 'v', metaKey: true }, 'paste'],
    [{ key: 'a', ctrlKey: true }, 'selectAll'],
    [{ key: 'l' }, 'autoLayout'],
    [{ key: 'я', code: 'KeyZ', ctrlKey: true }, 'undo'],
    [{ key: 'l', ctrlKey: true }, null],
    [{ key: 'z' }, null],
    [{ key: 'y', metaKey: true }, null],
  ])('reads %o as %s', (init, action) => {
    const event = new KeyboardEvent('keydown', init)
    expect(matchShortcut(event)).toBe(action)
  })

  it('writes keys as the keyboard shows them', () => {
    expect(describeKeys('Mod+Shift+Z', true)).toBe('⌘⇧Z')
    expect(describeKeys('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z')
  })
})

describe('shortcuts in the editor', () => {
  it('undoes, redoes and deletes from the keyboard', async () => {
    const { store, stop } = await withShortcuts()
    const original = store.document
    store.select({ nodes: ['note_existing'] })
    expect(press({ key: 'Delete' }).defaultPrevented).toBe(true)
    expect(store.document.nodes).toHaveLength(7)
    press({ key: 'z', ctrlKey: true })
    expect(store.document).toEqual(original)
    press({ key: 'y', ctrlKey: true })
    expect(store.document.nodes).toHaveLength(7)
    stop()
    press({ key: 'z', ctrlKey: true })
    expect(store.document.nodes).toHaveLength(7)
  })

  it('leaves keys typed into a field to the field', async () => {
    const { store, stop } = await withShortcuts()
    store.select({ nodes: ['note_existing'] })
    const input = document.createElement('input')
    document.body.append(input)
    const event = press({ key: 'Backspace' }, input)
    expect(event.defaultPrevented).toBe(false)
    expect(store.document.nodes).toHaveLength(8)
    input.remove()
    stop()
  })

  it('selects all and lays out', async () => {
    const { store, outcomes, stop } = await withShortcuts()
    press({ key: 'a', ctrlKey: true })
    expect(store.selection.nodes).toHaveLength(8)
    press({ key: 'l' })
    expect(store.undoLabel).toBe('Tidy up the layout')
    expect(outcomes.map((o) => o.action)).toEqual(['selectAll', 'autoLayout'])
    stop()
  })

  it('copies to the clipboard and pastes from the paste event', async () => {
    const writeText = vi.fn(async (_text: string) => {})
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const { store, outcomes, stop } = await withShortcuts()
    store.select({ nodes: ['find_group'] })
    press({ key: 'c', ctrlKey: true })
    expect(writeText).toHaveBeenCalledOnce()
    await vi.waitFor(() => expect(outcomes).toHaveLength(1))
    const text = writeText.mock.calls[0]![0]
    expect(JSON.parse(text)).toMatchObject({
      format: 'switchboard.workflow.fragment',
      nodes: [{ id: 'find_group' }],
    })

    pasteEvent(text)
    expect(store.selection.nodes).toEqual(['find_group_2'])
    pasteEvent('not steps')
    expect(outcomes.map((o) => `${o.action} ${o.ok}`)).toEqual([
      'copy true',
      'paste true',
      'paste false',
    ])
    expect(outcomes.at(-1)?.message).toMatch(/^The clipboard holds no/)
    stop()
  })
})
