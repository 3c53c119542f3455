import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from 'vitest'
import {
  clearDrafts,
  onboarding,
  serverWorkflow,
  stubServer,
} from './editor-support'
import { giveTheCanvasASize, restoreSizes } from './editor-page-support'
import { mountAt } from './support'

type Routes = Parameters<typeof stubServer>[0]

const apps = [
  {
    id: 'azure_ad',
    installed: true,
    configurations: [{ id: 'sandbox', name: 'Sandbox (Contoso)' }],
  },
  {
    id: 'service_desk',
    installed: true,
    configurations: [{ id: 'sandbox', name: 'Sandbox' }],
  },
]
const base = '/api/workflows/wf_onboarding'

/** The editor on the onboarding workflow (published version 3). */
async function editOnboarding(routes: Routes = {}) {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  const server = stubServer({
    'GET /api/apps': () => ({ body: { items: apps } }),
    [`GET ${base}`]: () => ({ body: serverWorkflow() }),
    ...routes,
  })
  const { wrapper } = await mountAt('/workflows/wf_onboarding/edit')
  await vi.waitFor(() => {
    expect(wrapper.find('[data-id="create_user"]').exists()).toBe(true)
  })
  return { wrapper, server }
}

const body = () => document.body

async function rename(
  wrapper: Awaited<ReturnType<typeof editOnboarding>>['wrapper'],
) {
  await wrapper.find('[data-testid="workflow-title"]').setValue('Onboarding v4')
}

describe('publishing from the editor page', () => {
  beforeEach(clearDrafts)
  afterEach(clearDrafts)
  beforeAll(giveTheCanvasASize)
  afterAll(restoreSizes)

  it('says which version was published and links to the workflow', async () => {
    const { wrapper, server } = await editOnboarding({
      [`POST ${base}/versions`]: () => ({ status: 201, body: { version: 4 } }),
    })
    await rename(wrapper)
    await wrapper.find('[data-testid="publish"]').trigger('click')

    // Publishing also deletes the draft from IndexedDB first.
    const outcome = await vi.waitFor(() => {
      const found = wrapper.find('[data-testid="publish-outcome"]')
      expect(found.exists()).toBe(true)
      return found
    })
    expect(outcome.find('p').text()).toMatch(
      /^Published version 4\.\s+Open the workflow$/,
    )
    expect(outcome.find('a').attributes('href')).toBe(
      '/workflows/wf_onboarding',
    )
    expect(server.sent.at(-1)?.body).toMatchObject({ baseVersion: 3 })
  })

  it('explains a version conflict and shows the changes', async () => {
    const latest = { ...onboarding(), title: 'Onboarding (by Sam)' }
    const { wrapper } = await editOnboarding({
      [`POST ${base}/versions`]: () => ({
        status: 409,
        body: {
          error: {
            code: 'version_conflict',
            message:
              'Version 5 was published since this draft was started from ' +
              'version 3; compare and merge before publishing',
          },
        },
      }),
      [`GET ${base}/versions`]: () => ({
        body: { items: [{ version: 5, publishedAt: '2026-12-01T00:00:00Z' }] },
      }),
      [`GET ${base}/versions/5`]: () => ({
        body: { workflowId: 'wf_onboarding', version: 5, document: latest },
      }),
    })
    await rename(wrapper)
    await wrapper.find('[data-testid="publish"]').trigger('click')
    await flushPromises()

    const outcome = wrapper.find('[data-testid="publish-outcome"]')
    expect(outcome.attributes('role')).toBe('alert')
    expect(outcome.text()).toContain('Not published. Version 5 was published')
    const compare = outcome
      .findAll('button')
      .find((b) => b.text() === 'See the changes against version 5')!
    await compare.trigger('click')
    await flushPromises()

    const changes = body().querySelector('[data-testid="changes"]')!
    expect(changes.textContent).toContain('Compared with version 5')
    expect(changes.textContent).toContain('The title changed.')
  })

  it('lists the problems the server found and marks their step', async () => {
    const { wrapper } = await editOnboarding({
      [`POST ${base}/versions`]: () => ({
        status: 422,
        body: {
          error: {
            code: 'invalid_workflow',
            message: 'The workflow has 1 problem',
            problems: [
              {
                code: 'unknown_configuration',
                message: '"Create user" uses a configuration removed today',
                nodeId: 'create_user',
                path: 'nodes[4].configuration',
              },
            ],
          },
        },
      }),
    })
    await rename(wrapper)
    await wrapper.find('[data-testid="publish"]').trigger('click')
    await flushPromises()

    expect(wrapper.find('[data-testid="publish-outcome"]').text()).toContain(
      'The server found 1 problem',
    )
    expect(wrapper.find('[data-testid="server-problems"]').text()).toContain(
      '"Create user" uses a configuration removed today',
    )
    const badge = wrapper.find(
      '[data-id="create_user"] [data-testid="node-problems"]',
    )
    expect(badge.attributes('title')).toBe('1 problem')
  })

  it('restores a version as one step that Undo takes back', async () => {
    const old = { ...onboarding(), title: 'Onboarding, first cut' }
    const { wrapper } = await editOnboarding({
      [`GET ${base}/versions`]: () => ({
        body: {
          items: [
            { version: 3, publishedAt: '2026-11-20T10:00:00Z' },
            { version: 2, publishedAt: '2026-11-10T10:00:00Z' },
          ],
        },
      }),
      [`GET ${base}/versions/2`]: () => ({
        body: { workflowId: 'wf_onboarding', version: 2, document: old },
      }),
    })
    const title = () =>
      (
        wrapper.find('[data-testid="workflow-title"]')
          .element as HTMLInputElement
      ).value
    const versions = wrapper
      .findAll('button')
      .find((b) => b.text() === 'Versions')!
    await versions.trigger('click')
    await flushPromises()

    const restore = body().querySelector<HTMLButtonElement>(
      'button[aria-label="Restore version 2"]',
    )!
    restore.click()
    await flushPromises()
    expect(title()).toBe('Onboarding, first cut')

    const undo = wrapper.find('[data-testid="undo"]')
    expect(undo.attributes('title')).toMatch(/^Undo Restore version 2/)
    await undo.trigger('click')
    expect(title()).toBe('Employee onboarding')
  })

  it('asks before testing a write action, then shows the result', async () => {
    const { wrapper, server } = await editOnboarding({
      'POST /api/test-action': () => ({
        body: {
          status: 'success',
          statusCode: 201,
          message: 'Created user jacob.whitfield@contoso-hr.example',
          output: { id: 'u-1' },
          details: {},
          logId: 'test-1:0001',
        },
      }),
    })
    await wrapper
      .find('.vue-flow__node[data-id="create_user"]')
      .trigger('click')
    const testButton = wrapper
      .findAll('button')
      .find((b) => b.text() === 'Test action')!
    await testButton.trigger('click')

    const dialog = body().querySelector('[role="dialog"][aria-modal="true"]')!
    expect(dialog.textContent).toContain(
      'This changes data in Azure AD (Microsoft Entra ID): Creates an enabled',
    )
    expect(server.sent.some((r) => r.path === '/api/test-action')).toBe(false)
    const run = [...dialog.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Run it',
    )!
    run.click()
    await flushPromises()

    const sent = server.sent.find((r) => r.path === '/api/test-action')!
    expect(sent.body).toMatchObject({
      node: { id: 'create_user', action: 'create_user' },
      trigger:
        onboarding().nodes[0]!.kind === 'trigger' ? expect.anything() : 0,
      steps: {},
      workflowId: 'wf_onboarding',
    })
    const result = wrapper.find('.test-result')
    expect(result.find('.badge').text()).toBe('Success')
    expect(result.find('dd.mono').text()).toBe('201')
  })
})
