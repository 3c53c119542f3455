import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppNode, ConditionNode } from '../../shared/workflow/schema'
import {
  clearDrafts,
  freshStore,
  onboarding,
  onboardingStore,
} from './editor-support'

afterEach(clearDrafts)

describe('copy and paste', () => {
  it('pastes copies beside the originals, renamed and rewired', async () => {
    const store = await onboardingStore()
    store.addNote({ x: 0, y: 400 }, 'Ask HR')
    store.select({
      nodes: ['get_user', 'user_exists', 'create_user'],
      notes: ['note'],
    })
    const text = store.copy()!

    const result = store.paste(text)
    expect(result).toEqual({
      ok: true,
      nodes: ['get_user_2', 'user_exists_2', 'create_user_2'],
      notes: ['note_2'],
    })
    expect(store.undoLabel).toBe('Paste 3 steps')
    expect(store.selection).toEqual({
      nodes: ['get_user_2', 'user_exists_2', 'create_user_2'],
      edges: [],
      notes: ['note_2'],
    })
    const doc = store.document
    const copy = doc.nodes.find((n) => n.id === 'user_exists_2')
    expect((copy as ConditionNode).rules[0]?.value).toBe(
      '{{steps.get_user_2.statusCode}}',
    )
    expect(copy?.position).toEqual({ x: 560, y: 200 })
    expect(doc.notes.at(-1)).toMatchObject({
      text: 'Ask HR',
      position: { x: 40, y: 440 },
    })
    // Only the connections between copied steps come along.
    expect(doc.edges.slice(-2)).toEqual([
      { source: 'get_user_2', target: 'user_exists_2' },
      { source: 'user_exists_2', target: 'create_user_2', branch: 'false' },
    ])
  })

  it('leaves placeholders to steps that were not copied alone', async () => {
    const store = await onboardingStore()
    store.select({ nodes: ['find_group', 'add_to_group'] })
    store.paste(store.copy()!)
    const copy = store.document.nodes.find(
      (node) => node.id === 'add_to_group_2',
    ) as AppNode
    expect(copy.inputs).toEqual({
      groupId: '{{steps.find_group_2.output.id}}',
      userId: '{{steps.create_user.output.id}}',
    })
  })

  it('carries steps to another workflow, but no second trigger', async () => {
    const source = await onboardingStore()
    source.selectAll()
    const text = source.copy()!

    const target = freshStore()
    await target.openNew()
    const result = target.paste(text)
    expect(result).toMatchObject({
      ok: true,
      notice:
        'The trigger was not pasted: a workflow has exactly one, and ' +
        'this one has it.',
    })
    const ids = target.document.nodes.map((node) => node.id)
    expect(ids).toEqual([
      'trigger',
      ...onboarding()
        .nodes.filter((n) => n.kind !== 'trigger')
        .map((n) => n.id),
    ])
    expect(target.document.edges).not.toContainEqual(
      expect.objectContaining({ source: 'trigger' }),
    )
  })

  it('pastes the steps of a whole workflow document', async () => {
    const store = freshStore()
    await store.openNew()
    const result = store.paste(JSON.stringify(onboarding()))
    expect(result.ok && result.nodes).toHaveLength(7)
  })

  it.each([
    [
      'hello',
      'The clipboard holds no Switchboard steps. Copy steps in the editor ' +
        '(Ctrl+C) or a workflow’s JSON export, then paste again.',
    ],
    [
      JSON.stringify({
        format: 'switchboard.workflow.fragment',
        formatVersion: 1,
        nodes: [{ id: 'Bad Id', kind: 'condition', label: 'x', rules: [] }],
      }),
      'The copied steps are damaged: must start with a lowercase letter ' +
        'and use only a-z, 0-9 and _ (at nodes[0].id)',
    ],
  ])('refuses %j and changes nothing', async (text, message) => {
    const store = await onboardingStore()
    const before = store.document
    expect(store.paste(text)).toEqual({ ok: false, message })
    expect(store.document).toBe(before)
    expect(store.canUndo).toBe(false)
  })

  it('copies nothing when no step or note is selected', async () => {
    const store = await onboardingStore()
    store.select({ edges: ['trigger->get_user'] })
    expect(store.copy()).toBeNull()
  })
})
