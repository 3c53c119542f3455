import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { createHistory, HISTORY_LIMIT } from '../../app/editor/history'
import { clearDrafts, onboardingStore } from './editor-support'

afterEach(clearDrafts)

/** Undoes everything, answering the labels in the order undone. */
function undoAll(store: Awaited<ReturnType<typeof onboardingStore>>) {
  const labels: string[] = []
  while (store.canUndo) {
    labels.push(store.undoLabel!)
    store.undo()
  }
  return labels
}

describe('undo and redo', () => {
  it('undoes a session back to the original, and redoes it', async () => {
    const store = await onboardingStore()
    const original = store.document

    const added = store.addNode({
      kind: 'app',
      app: 'azure_ad',
      action: 'get_user',
      position: { x: 1300, y: 500 },
    })
    expect(added).toEqual({ ok: true, nodeId: 'get_user_2' })
    store.connect({
      source: 'user_exists',
      target: 'get_user_2',
      sourceHandle: 'true',
    })
    store.updateNode('get_user_2', { label: 'Get the manager' })
    store.updateNode('get_user_2', {
      inputs: { username: '{{trigger.ticket.requester.email}}' },
    })
    store.moveNodes({ get_user_2: { x: 1310, y: 510 } })
    store.addNote({ x: 0, y: 400 }, 'Ask HR about contractors')
    store.select({ nodes: ['note_existing'], notes: [] })
    store.removeSelection()
    store.autoLayout()
    store.updateWorkflow({ title: 'Onboarding (new hires)' })
    const final = store.document

    expect(undoAll(store)).toEqual([
      'Rename the workflow',
      'Tidy up the layout',
      'Delete "Note: account exists"',
      'Add a note',
      'Move step',
      'Edit "Get the manager"',
      'Rename "Get user by username"',
      'Connect steps',
      'Add "Get user by username"',
    ])
    expect(store.document).toEqual(original)
    expect(store.canUndo).toBe(false)
    expect(store.redoLabel).toBe('Add "Get user by username"')

    while (store.canRedo) store.redo()
    expect(store.document).toEqual(final)
    expect(store.undoLabel).toBe('Rename the workflow')
  })

  it('puts deleted steps back in place, with their connections', async () => {
    const store = await onboardingStore()
    const original = store.document
    store.select({ nodes: ['create_user', 'find_group'] })
    expect(store.removeSelection()).toEqual({ ok: true })

    const ids = store.document.nodes.map((node) => node.id)
    expect(ids).not.toContain('create_user')
    expect(store.document.edges).not.toContainEqual(
      expect.objectContaining({ target: 'create_user' }),
    )
    expect(store.selection.nodes).toEqual([])

    store.undo()
    expect(store.document).toEqual(original)
  })

  it('makes one undo step of a drag, however many moves', async () => {
    const store = await onboardingStore()
    const start = store.document
    for (let x = 1; x <= 30; x++) {
      store.moveNodes({
        get_user: { x: 260 + x, y: 160 },
        user_exists: { x: 520 + x, y: 160 },
      })
    }
    expect(store.undoLabel).toBe('Move 2 steps')
    store.undo()
    expect(store.canUndo).toBe(false)
    expect(store.document).toEqual(start)
  })

  it('keeps moves of other steps, or after an undo, apart', async () => {
    const store = await onboardingStore()
    store.moveNodes({ get_user: { x: 300, y: 160 } })
    store.moveNodes({ user_exists: { x: 600, y: 160 } })
    store.undo()
    store.moveNodes({ get_user: { x: 320, y: 160 } })
    store.undo()
    const getUser = store.document.nodes.find((n) => n.id === 'get_user')
    expect(getUser?.position).toEqual({ x: 300, y: 160 })
  })

  it('makes one undo step of typing a label', async () => {
    const store = await onboardingStore()
    for (const label of ['C', 'Ch', 'Che', 'Check']) {
      store.updateNode('user_exists', { label })
    }
    store.undo()
    const node = store.document.nodes.find((n) => n.id === 'user_exists')
    expect(node?.label).toBe('User exists?')
  })

  it('forgets redo after a new change', async () => {
    const store = await onboardingStore()
    store.updateNode('get_user', { onError: 'stop' })
    store.undo()
    expect(store.canRedo).toBe(true)
    store.addNote({ x: 0, y: 0 })
    expect(store.canRedo).toBe(false)
    expect(store.redoLabel).toBeNull()
  })

  it('keeps the last 200 changes', () => {
    const history = createHistory()
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) {
      history.record({
        label: `change ${i}`,
        apply: (doc) => doc,
        revert: (doc) => doc,
      })
    }
    let undone = 0
    while (history.takeUndo()) undone++
    expect(undone).toBe(200)
    expect(history.redoLabel.value).toBe('change 20')
  })
})
