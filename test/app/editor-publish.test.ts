import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { listDrafts, loadDraft } from '../../app/editor/drafts'
import { publishDraft } from '../../app/editor/publish'
import {
  clearDrafts,
  freshStore,
  onboarding,
  serverWorkflow,
  stubServer,
} from './editor-support'

afterEach(clearDrafts)

const versionsPath = 'POST /api/workflows/wf_onboarding/versions'

/** A store with an unpublished change to the onboarding workflow. */
async function editedWorkflow(routes: Parameters<typeof stubServer>[0]) {
  const server = stubServer({
    'GET /api/workflows/wf_onboarding': () => ({ body: serverWorkflow() }),
    ...routes,
  })
  const store = freshStore()
  await store.open('wf_onboarding')
  store.updateWorkflow({ title: 'Onboarding v4' })
  await store.flushDraft()
  return { store, server }
}

describe('publishing', () => {
  it('publishes on the base version, then drops the draft', async () => {
    const { store, server } = await editedWorkflow({
      [versionsPath]: () => ({ status: 201, body: { version: 4 } }),
    })
    expect(await publishDraft(store)).toEqual({
      status: 'published',
      workflowId: 'wf_onboarding',
      version: 4,
    })
    expect(server.sent.at(-1)).toEqual({
      method: 'POST',
      path: '/api/workflows/wf_onboarding/versions',
      body: { document: store.document, baseVersion: 3 },
    })
    expect(store.baseVersion).toBe(4)
    expect(await listDrafts()).toEqual([])
  })

  it('creates a new workflow, then publishes it with no base', async () => {
    const { sent } = stubServer({
      'POST /api/workflows': () => ({
        status: 201,
        body: serverWorkflow({ id: 'wf_new', publishedVersion: null }),
      }),
      'POST /api/workflows/wf_new/versions': () => ({
        status: 201,
        body: { version: 1 },
      }),
    })
    const store = freshStore()
    await store.openNew(onboarding())
    store.updateWorkflow({ title: 'Onboarding copy' })
    expect(await publishDraft(store)).toMatchObject({
      status: 'published',
      workflowId: 'wf_new',
      version: 1,
    })
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/workflows',
      'POST /api/workflows/wf_new/versions',
    ])
    expect(sent[1]?.body).toMatchObject({ baseVersion: null })
    expect(store.workflowId).toBe('wf_new')
    expect(store.draftKey).toBe('wf:wf_new')
    expect(await listDrafts()).toEqual([])
  })

  it('creates a new workflow once, even if publishing fails', async () => {
    const { sent } = stubServer({
      'POST /api/workflows': () => ({
        status: 201,
        body: serverWorkflow({ id: 'wf_new' }),
      }),
    })
    const store = freshStore()
    await store.openNew(onboarding())
    store.updateWorkflow({ title: 'Onboarding copy' })
    expect((await publishDraft(store)).status).toBe('failed')
    expect(store.workflowId).toBe('wf_new')
    expect((await loadDraft('wf:wf_new'))?.title).toBe('Onboarding copy')
    await publishDraft(store)
    expect(sent.filter((r) => r.path === '/api/workflows')).toHaveLength(1)
  })

  it('reports a conflict and keeps the draft', async () => {
    const message = 'Version 4 was published since this draft started'
    const { store } = await editedWorkflow({
      [versionsPath]: () => ({
        status: 409,
        body: { error: { code: 'version_conflict', message } },
      }),
    })
    expect(await publishDraft(store)).toEqual({ status: 'conflict', message })
    expect(store.baseVersion).toBe(3)
    expect((await loadDraft('wf:wf_onboarding'))?.title).toBe('Onboarding v4')
  })

  it('lists the problems the server found', async () => {
    const problems = [
      {
        code: 'unknown_configuration',
        message: 'The configuration "sandbox" was removed',
        nodeId: 'get_user',
        path: 'nodes[1].configuration',
      },
    ]
    const { store } = await editedWorkflow({
      [versionsPath]: () => ({
        status: 422,
        body: {
          error: {
            code: 'invalid_workflow',
            message: 'The workflow has 1 problem',
            problems,
          },
        },
      }),
    })
    expect(await publishDraft(store)).toEqual({ status: 'invalid', problems })
  })

  it('refuses a document with problems without asking', async () => {
    const { store, server } = await editedWorkflow({})
    store.updateNode('get_user', { label: '' })
    const result = await publishDraft(store)
    expect(result).toMatchObject({
      status: 'invalid',
      problems: [{ message: 'nodes[1].label: needs a label' }],
    })
    expect(server.sent.map((r) => r.method)).toEqual(['GET'])
  })

  it('says so when the server cannot be reached', async () => {
    const { store } = await editedWorkflow({})
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('down')))
    expect(await publishDraft(store)).toEqual({
      status: 'failed',
      message:
        'Could not reach Switchboard. Check the connection and try again.',
    })
  })

  it('keeps a change made while publishing in the draft', async () => {
    const { store } = await editedWorkflow({
      [versionsPath]: () => {
        store.updateWorkflow({ description: 'typed meanwhile' })
        return { status: 201, body: { version: 4 } }
      },
    })
    await publishDraft(store)
    const draft = await loadDraft('wf:wf_onboarding')
    expect(draft).toMatchObject({ baseVersion: 4 })
    expect(draft?.document.description).toBe('typed meanwhile')
  })
})
