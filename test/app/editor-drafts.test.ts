import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  closeDrafts,
  listDrafts,
  loadDraft,
  saveDraft,
} from '../../app/editor/drafts'
import {
  clearDrafts,
  freshStore,
  onboarding,
  serverWorkflow,
  stubServer,
} from './editor-support'

afterEach(clearDrafts)

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

function serve(detail = serverWorkflow()) {
  return stubServer({
    [`GET /api/workflows/${detail.id}`]: () => ({ body: detail }),
  })
}

describe('drafts in this browser', () => {
  it('survive a reload, up to the last change, with no flush', async () => {
    serve()
    const before = freshStore()
    expect(await before.open('wf_onboarding')).toEqual({
      source: 'server',
      offline: false,
      olderDraft: undefined,
    })
    before.updateNode('get_user', { label: 'Find the new hire' })
    before.moveNodes({ get_user: { x: 300, y: 200 } })
    // A crash 200 ms after the last change: nothing else was awaited.
    await sleep(200)
    closeDrafts()

    const after = freshStore()
    const opened = await after.open('wf_onboarding')
    expect(opened).toEqual({ source: 'draft', offline: false })
    const node = after.document.nodes.find((n) => n.id === 'get_user')
    expect(node).toMatchObject({
      label: 'Find the new hire',
      position: { x: 300, y: 200 },
    })
    expect(after.baseVersion).toBe(3)
    expect(after.canUndo).toBe(false)
    expect(after.savedAt).toBeNull()
  })

  it('writes no draft for a workflow only looked at', async () => {
    serve()
    const store = freshStore()
    await store.open('wf_onboarding')
    await store.flushDraft()
    expect(await listDrafts()).toEqual([])
  })

  it('opens the server’s newer draft, offering the older one', async () => {
    const local = onboarding()
    local.title = 'Onboarding (my old edit)'
    await saveDraft({
      key: 'wf:wf_onboarding',
      workflowId: 'wf_onboarding',
      title: local.title,
      baseVersion: 2,
      document: local,
      updatedAt: '2026-11-19T08:00:00.000Z',
    })
    serve()
    const store = freshStore()
    const opened = await store.open('wf_onboarding')
    expect(opened.source).toBe('server')
    expect(opened.olderDraft?.title).toBe('Onboarding (my old edit)')
    expect(store.document.title).toBe('Employee onboarding')
    expect(store.baseVersion).toBe(3)
  })

  it('opens the draft offline, and edits without the network', async () => {
    const store = freshStore()
    serve()
    await store.open('wf_onboarding')
    store.updateWorkflow({ title: 'Offline edit' })
    await store.flushDraft()

    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('offline')))
    const reloaded = freshStore()
    expect(await reloaded.open('wf_onboarding')).toEqual({
      source: 'draft',
      offline: true,
    })
    expect(reloaded.document.title).toBe('Offline edit')
    reloaded.addNote({ x: 0, y: 0 }, 'still works')
    await reloaded.flushDraft()
    expect((await loadDraft('wf:wf_onboarding'))?.document.notes).toHaveLength(
      1,
    )
  })

  it('fails to open, offline, a workflow with no draft here', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('offline')))
    const store = freshStore()
    await expect(store.open('wf_onboarding')).rejects.toThrow(
      'Could not reach Switchboard',
    )
  })

  it('lists drafts, the latest first, new workflows included', async () => {
    serve()
    const store = freshStore()
    await store.open('wf_onboarding')
    store.updateWorkflow({ title: 'Onboarding v2' })
    await store.flushDraft()
    await sleep(5)
    const key = await store.openNew()
    store.updateWorkflow({ title: 'Offboarding' })
    await store.flushDraft()

    const drafts = await listDrafts()
    expect(
      drafts.map(({ key, title, workflowId, baseVersion }) => ({
        key,
        title,
        workflowId,
        baseVersion,
      })),
    ).toEqual([
      { key, title: 'Offboarding', workflowId: null, baseVersion: null },
      {
        key: 'wf:wf_onboarding',
        title: 'Onboarding v2',
        workflowId: 'wf_onboarding',
        baseVersion: 3,
      },
    ])
    expect(key).toMatch(/^new:[0-9a-f-]{36}$/)

    const reloaded = freshStore()
    expect(await reloaded.openDraft(key)).toBe(true)
    expect(reloaded.document.title).toBe('Offboarding')
    expect(await reloaded.openDraft('new:gone')).toBe(false)
  })
})

describe('one workflow open in two tabs', () => {
  it('stops saving in the tab whose draft another tab changed', async () => {
    serve()
    const first = freshStore()
    const second = freshStore()
    await first.open('wf_onboarding')
    await second.open('wf_onboarding')

    second.updateNode('get_user', { label: 'Changed in the second tab' })
    await second.flushDraft()
    await vi.waitFor(() => expect(first.changedElsewhere).toBe(true))

    first.updateNode('get_user', { label: 'Changed in the first tab' })
    await first.flushDraft()
    const draft = await loadDraft('wf:wf_onboarding')
    const node = draft?.document.nodes.find((n) => n.id === 'get_user')
    expect(node?.label).toBe('Changed in the second tab')
    expect(second.changedElsewhere).toBe(false)
  })
})
