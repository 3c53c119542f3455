import 'fake-indexeddb/auto'
import { flushPromises, type DOMWrapper } from '@vue/test-utils'
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
import { clearDrafts } from './editor-support'
import { giveTheCanvasASize, restoreSizes } from './editor-page-support'
import { mountAt, stubApi } from './support'

// What `GET /api/apps` says: the service desk is in the catalog, but
// nobody installed it here.
const apps = [
  {
    id: 'azure_ad',
    installed: true,
    configurations: [{ id: 'sandbox', name: 'Sandbox (Contoso)' }],
  },
  { id: 'service_desk', installed: false, configurations: [] },
]

async function openEditor() {
  // jsdom cannot lay out; Vue Flow says so on every mount.
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  stubApi({ '/api/apps': () => ({ body: { items: apps } }) })
  const mounted = await mountAt('/workflows/new')
  await vi.waitFor(() => {
    expect(mounted.wrapper.find('[data-id="trigger"]').exists()).toBe(true)
  })
  return mounted
}

function names(items: DOMWrapper<Element>[]): string[] {
  return items.map((item) => item.attributes('aria-label') ?? '')
}

describe('workflow editor page', () => {
  beforeEach(clearDrafts)
  afterEach(clearDrafts)
  beforeAll(giveTheCanvasASize)
  afterAll(restoreSizes)

  it('lists the installed apps’ actions and filters them', async () => {
    const { wrapper } = await openEditor()
    const items = () => wrapper.findAll('[data-testid="palette-item"]')

    expect(names(items())).toEqual([
      'Trigger: Service request created',
      'Logic: Condition',
      'Azure AD (Microsoft Entra ID): Get user by username',
      'Azure AD (Microsoft Entra ID): Create user',
      'Azure AD (Microsoft Entra ID): Look up group by name',
      'Azure AD (Microsoft Entra ID): Add user to group',
    ])
    expect(items()[2]!.attributes('title')).toMatch(/^Looks a user up/)

    await wrapper.find('input[type="search"]').setValue('group')
    expect(names(items())).toEqual([
      'Azure AD (Microsoft Entra ID): Look up group by name',
      'Azure AD (Microsoft Entra ID): Add user to group',
    ])
  })

  it('adds a step with Enter, marks its problems, and undoes it', async () => {
    const { wrapper } = await openEditor()
    const getUser = () => wrapper.find('.vue-flow__node[data-id="get_user"]')
    const item = wrapper
      .findAll('[data-testid="palette-item"]')
      .find((i) => i.text() === 'Get user by username')!

    await item.trigger('keydown', { key: 'Enter' })
    await flushPromises()

    // On the canvas, and in the inspector, as the selected step.
    expect(getUser().find('.flow-node__label').text()).toBe(
      'Get user by username',
    )
    const inspector = wrapper.find('aside[aria-label="Inspector"]')
    expect(inspector.find('.editor-inspector__id').text()).toBe('get_user')
    expect(
      (inspector.find('[data-testid="node-label"]').element as HTMLInputElement)
        .value,
    ).toBe('Get user by username')

    // Not connected and no username: two problems, on the step's badge
    // and in the inspector's list.
    const badge = getUser().find('[data-testid="node-problems"]')
    expect(badge.attributes('title')).toBe('2 problems')
    const listed = inspector.findAll('[data-testid="inspector-problems"] li')
    expect(listed.map((li) => li.text())).toEqual([
      '"Get user by username" is not connected to the trigger',
      '"Get user by username" needs a value for "Username (UPN)"',
    ])
    expect(wrapper.find('[data-testid="publish"]').attributes()).toHaveProperty(
      'disabled',
    )
    expect(wrapper.find('[data-testid="publish-reason"]').text()).toBe(
      'Fix 2 problems before publishing',
    )

    const undo = wrapper.find('[data-testid="undo"]')
    expect(undo.attributes('title')).toMatch(/^Undo Add "Get user by username"/)
    await undo.trigger('click')
    await flushPromises()

    expect(getUser().exists()).toBe(false)
    expect(wrapper.find('[data-testid="node-problems"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="problem-count"]').text()).toBe('0')
    expect(wrapper.find('[data-testid="publish-reason"]').exists()).toBe(false)
  })

  it('lists all problems with nothing selected; a click selects', async () => {
    const { wrapper } = await openEditor()
    const condition = wrapper
      .findAll('[data-testid="palette-item"]')
      .find((i) => i.text() === 'Condition')!
    await condition.trigger('keydown', { key: 'Enter' })
    await flushPromises()

    await wrapper.find('button.editor-inspector__deselect').trigger('click')
    const problems = wrapper.findAll('[data-testid="problem"]')
    expect(problems.map((p) => p.text())).toContain(
      'Condition "Condition" is not connected to the trigger',
    )

    await problems[0]!.trigger('click')
    expect(wrapper.find('.editor-inspector__id').text()).toBe('condition')
  })
})
