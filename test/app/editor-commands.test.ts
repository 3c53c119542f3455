import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { edgeId } from '../../app/editor/document'
import { clearDrafts, freshStore, onboardingStore } from './editor-support'

afterEach(clearDrafts)

const nodeOf = (
  store: Awaited<ReturnType<typeof onboardingStore>>,
  id: string,
) => store.document.nodes.find((node) => node.id === id)

describe('adding steps', () => {
  it('names an app step after its action, with default inputs', async () => {
    const store = await onboardingStore()
    const first = store.addNode({
      kind: 'app',
      app: 'service_desk',
      action: 'add_note',
    })
    const second = store.addNode({
      kind: 'app',
      app: 'service_desk',
      action: 'add_note',
    })
    expect(first).toEqual({ ok: true, nodeId: 'add_note' })
    expect(second).toEqual({ ok: true, nodeId: 'add_note_2' })
    expect(nodeOf(store, 'add_note_2')).toMatchObject({
      kind: 'app',
      label: 'Add note to ticket',
      configuration: 'sandbox',
      inputs: { private: true },
      onError: 'stop',
    })
    expect(store.selection.nodes).toEqual(['add_note_2'])
  })

  it('starts a condition with one empty rule', async () => {
    const store = await onboardingStore()
    store.addNode({ kind: 'condition', position: { x: 10, y: 20 } })
    expect(nodeOf(store, 'condition')).toEqual({
      id: 'condition',
      kind: 'condition',
      label: 'Condition',
      match: 'all',
      rules: [{ value: '', operator: 'equals', compareAs: 'text' }],
      position: { x: 10, y: 20 },
    })
  })

  it('refuses a second trigger', async () => {
    const store = await onboardingStore()
    const before = store.document
    expect(store.addNode({ kind: 'trigger' })).toEqual({
      ok: false,
      message: 'A workflow has exactly one trigger, and this one has it',
    })
    expect(store.document).toBe(before)
    expect(store.canUndo).toBe(false)
  })

  it('leaves the configuration to pick when the app has none', async () => {
    const store = freshStore()
    store.setConfigurations([{ id: 'azure_ad', configurations: [] }])
    await store.openNew()
    store.addNode({ kind: 'app', app: 'azure_ad', action: 'find_group' })
    expect(nodeOf(store, 'find_group')).toMatchObject({ configuration: '' })
    expect(store.problemsByNode.get('find_group')).toContainEqual(
      expect.objectContaining({
        message: 'nodes[1].configuration: needs a configuration',
      }),
    )
  })
})

describe('connecting steps', () => {
  it('takes a condition branch from the handle', async () => {
    const store = await onboardingStore()
    store.addNode({ kind: 'app', app: 'azure_ad', action: 'find_group' })
    const result = store.connect({
      source: 'user_exists',
      target: 'find_group_2',
      sourceHandle: 'true',
    })
    expect(result).toMatchObject({ ok: true })
    expect(store.document.edges.at(-1)).toEqual({
      source: 'user_exists',
      target: 'find_group_2',
      branch: 'true',
    })
  })

  it.each([
    [
      { source: 'get_user', target: 'get_user' },
      'A step cannot connect to itself',
    ],
    [
      { source: 'trigger', target: 'get_user' },
      '"Onboarding request" is already connected to "Get user by username"',
    ],
    [
      { source: 'find_group', target: 'trigger' },
      'Nothing can connect into the trigger',
    ],
    [
      { source: 'add_to_group', target: 'get_user' },
      '"Get user by username" runs before "Add user to group", so this ' +
        'would loop',
    ],
    [
      { source: 'user_exists', target: 'find_group', sourceHandle: null },
      'Connect from the true or the false output of "User exists?"',
    ],
  ])('refuses %o', async (connection, message) => {
    const store = await onboardingStore()
    const before = store.document
    expect(store.connect(connection)).toEqual({ ok: false, message })
    expect(store.document).toBe(before)
  })

  it('removes one connection by its id', async () => {
    const store = await onboardingStore()
    const id = edgeId({ source: 'find_group', target: 'add_to_group' })
    store.removeEdge(id)
    expect(store.document.edges.map(edgeId)).not.toContain(id)
    expect(store.problemsByNode.get('add_to_group')?.[0]?.message).toBe(
      '"Add user to group" is not connected to the trigger',
    )
  })
})

describe('editing', () => {
  it('removes a field set to undefined and puts it back on undo', async () => {
    const store = await onboardingStore()
    store.updateNode('user_exists', {
      rules: [{ value: 'x', operator: 'is_empty', compareAs: 'text' }],
    })
    store.updateNode('get_user', { position: undefined })
    expect(nodeOf(store, 'get_user')).not.toHaveProperty('position')
    store.undo()
    expect(nodeOf(store, 'get_user')?.position).toEqual({ x: 260, y: 160 })
  })

  it('refuses fields another kind of step has', async () => {
    const store = await onboardingStore()
    expect(store.updateNode('get_user', { rules: [] })).toEqual({
      ok: false,
      message: 'An app step has no rules',
    })
  })

  it('pins and unpins a test result', async () => {
    const store = await onboardingStore()
    const pinned = { statusCode: 200, message: 'OK', output: { id: 'u1' } }
    store.pinResult('get_user', pinned)
    expect(store.undoLabel).toBe('Pin the test result')
    expect(nodeOf(store, 'get_user')).toMatchObject({ pinned })
    store.unpinResult('get_user')
    expect(nodeOf(store, 'get_user')).not.toHaveProperty('pinned')
    expect(store.pinResult('user_exists', pinned)).toMatchObject({ ok: false })
  })

  it('sets the trigger sample', async () => {
    const store = await onboardingStore()
    store.setTriggerSample({ ticket: { id: 7 } })
    expect(nodeOf(store, 'trigger')).toMatchObject({
      sample: { ticket: { id: 7 } },
    })
    expect(store.undoLabel).toBe('Set the trigger sample')
  })

  it('adds, edits, moves and removes sticky notes', async () => {
    const store = await onboardingStore()
    store.addNote({ x: 0, y: 0 })
    store.editNote('note', { text: 'H' })
    store.editNote('note', { text: 'HR' })
    store.moveNote('note', { x: 50, y: 60 })
    expect(store.document.notes).toEqual([
      { id: 'note', text: 'HR', position: { x: 50, y: 60 } },
    ])
    store.undo()
    store.undo()
    expect(store.document.notes[0]?.text).toBe('')
    store.removeNote('note')
    expect(store.document.notes).toEqual([])
  })

  it('lays every step out left to right', async () => {
    const store = await onboardingStore()
    const unplaced = {
      ...store.document,
      nodes: store.document.nodes.map(({ position: _p, ...node }) => node),
    }
    store.replaceDocument(unplaced, 'Import')
    store.autoLayout()
    const x = (id: string) => nodeOf(store, id)!.position!.x
    expect(store.document.nodes.every((n) => n.position)).toBe(true)
    expect(x('trigger')).toBeLessThan(x('get_user'))
    expect(x('get_user')).toBeLessThan(x('user_exists'))
    expect(x('find_group')).toBeLessThan(x('add_to_group'))
    store.undo()
    expect(store.undoLabel).toBe('Import')
  })
})

describe('problems', () => {
  it('lists the problems of each step; the template has none', async () => {
    const store = await onboardingStore()
    const messagesOf = (id: string) =>
      store.problemsByNode.get(id)?.map((problem) => problem.message)
    expect(store.problems).toEqual([])
    expect(store.canPublish).toBe(true)
    store.updateNode('get_user', { label: '', configuration: 'gone' })
    expect(store.canPublish).toBe(false)
    expect(messagesOf('get_user')).toEqual(['nodes[1].label: needs a label'])
    store.updateNode('get_user', { label: 'Get user' })
    expect(messagesOf('get_user')).toEqual([
      '"Get user" uses configuration "gone", which azure_ad does not have',
    ])
  })

  it('keeps the problems while steps only move', async () => {
    const store = await onboardingStore()
    store.updateNode('get_user', { label: '' })
    const problems = store.problems
    store.moveNodes({ get_user: { x: 1, y: 1 } })
    store.autoLayout()
    expect(store.problems).toBe(problems)
    store.undo()
    store.undo()
    store.undo()
    expect(store.problems).toEqual([])
  })

  it('names the workflow problems that belong to no step', async () => {
    const store = await onboardingStore()
    store.updateWorkflow({ title: ' ' })
    expect(store.generalProblems.map((p) => p.message)).toEqual([
      'title: needs a title',
    ])
  })
})
