import { describe, expect, it, vi } from 'vitest'
import type { WorkflowDetail } from '../../shared/api'
import { employeeOnboarding } from '../../shared/templates/employee-onboarding'
import onboardingRequest from '../../shared/templates/onboarding-request.json'
import {
  WorkflowDocument,
  type TriggerNode,
} from '../../shared/workflow/schema'
import { layoutGraph } from '../../app/composables/useAutoLayout'
import { mountAt, stubApi, type Handler } from './support'

const document = WorkflowDocument.parse(employeeOnboarding)

const workflow: WorkflowDetail = {
  id: 'wf_onboarding',
  title: document.title,
  description: document.description,
  publishedVersion: 3,
  hasUnpublishedChanges: true,
  createdAt: '2026-11-02T09:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
  hookUrl: 'https://switchboard.example/hooks/wf_onboarding',
  document,
}

// What `GET /api/apps` says of the installed apps, catalog left out.
const installedApps = [
  {
    id: 'azure_ad',
    configurations: [{ id: 'sandbox', name: 'Sandbox (Contoso)' }],
  },
  { id: 'service_desk', configurations: [] },
]

async function mountView(
  detail: WorkflowDetail = workflow,
  apps: Handler = () => ({ body: { items: installedApps } }),
) {
  // jsdom cannot lay out; Vue Flow says so on every mount.
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  stubApi({
    [`/api/workflows/${detail.id}`]: () => ({ body: detail }),
    '/api/apps': apps,
  })
  return mountAt(`/workflows/${detail.id}`)
}

/** The workflow with its trigger changed, e.g. another sample. */
function withTrigger(changes: Partial<TriggerNode>): WorkflowDetail {
  const nodes = document.nodes.map((node) =>
    node.kind === 'trigger' ? { ...node, ...changes } : node,
  )
  return { ...workflow, document: { ...document, nodes } }
}

/**
 * The JSON a shell passes to curl: the last argument, one single-quoted
 * word in which each `'\''` stands for a quote.
 */
function dataArgument(command: string): unknown {
  const word = command.slice(command.indexOf("--data '") + 8, -1)
  return JSON.parse(word.replaceAll(`'\\''`, "'"))
}

describe('workflow view', () => {
  it('draws the 8 onboarding nodes with their labels', async () => {
    const { wrapper } = await mountView()

    const canvas = wrapper.find('[data-testid="vue-flow"]')
    const labels = canvas
      .findAll('.vue-flow__node .flow-node__label')
      .map((label) => label.text())
    expect(labels).toEqual([
      'Onboarding request',
      'Get user by username',
      'User exists?',
      'Note: account exists',
      'Create user',
      'Look up department group',
      'Add user to group',
      'Resolve ticket',
    ])
    expect(canvas.findAll('.vue-flow__edge')).toHaveLength(7)
  })

  it('names the app and the action from the catalog', async () => {
    const { wrapper } = await mountView()

    const node = wrapper.find('.vue-flow__node[data-id="resolve_ticket"]')
    expect(node.find('.flow-node__kind').text()).toBe('App action')
    const detail = node.findAll('.flow-node__detail > span')
    expect(detail.map((line) => line.text())).toEqual([
      'Service desk (Freshservice)',
      'Update ticket',
    ])
  })

  it('writes the condition’s rule in words', async () => {
    const { wrapper } = await mountView()

    const condition = wrapper.find('.vue-flow__node[data-id="user_exists"]')
    expect(condition.find('.flow-node__rules').text()).toBe(
      '{{steps.get_user.statusCode}} is between 200 and 299',
    )
    const handles = condition
      .findAll('.flow-node__branch-label')
      .map((label) => label.text())
    expect(handles).toEqual(['true', 'false'])
  })

  it('labels the condition’s edges with their branch', async () => {
    const { wrapper } = await mountView()

    const edgeLabel = (id: string) =>
      wrapper.find(`.vue-flow__edge[data-id="${id}"] .vue-flow__edge-text`)
    expect(edgeLabel('user_exists->note_existing').text()).toBe('true')
    expect(edgeLabel('user_exists->create_user').text()).toBe('false')
    expect(wrapper.findAll('.vue-flow__edge-text')).toHaveLength(2)
  })

  it('shows the hook URL, a curl of the sample, the version', async () => {
    const { wrapper } = await mountView()

    const url = 'https://switchboard.example/hooks/wf_onboarding'
    expect(wrapper.find('[data-testid="hook-url"]').text()).toBe(url)
    const lines = wrapper.find('.code-block').text().split('\n')
    expect(lines.slice(0, 6)).toEqual([
      `curl -X POST '${url}' \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  --data '{`,
      `  "event": "service_request.created",`,
      `  "ticket": {`,
      `    "id": 4711,`,
    ])
    expect(lines).toContain(
      `        "username": "jacob.whitfield@contoso-hr.example",`,
    )
    expect(lines.at(-1)).toBe(`}'`)
    expect(dataArgument(lines.join('\n'))).toEqual(onboardingRequest)
    // HTML collapses runs of white space, and so does what a user sees.
    const published = wrapper.find('[data-testid="published-version"]')
    expect(published.text().replace(/\s+/g, ' ')).toBe(
      'Version 3 (the draft shown has unpublished changes)',
    )
  })

  it('escapes a single quote in the sample for the shell', async () => {
    const sample = { ticket: { id: 4712, subject: "Jacob's laptop" } }
    const { wrapper } = await mountView(withTrigger({ sample }))

    const curl = wrapper.find('.code-block').text()
    expect(curl).toContain(`"subject": "Jacob'\\''s laptop"`)
    expect(dataArgument(curl)).toEqual(sample)
  })

  it('without a sample, sends the record id where it is read', async () => {
    const { wrapper } = await mountView(withTrigger({ sample: undefined }))

    const curl = wrapper.find('.code-block').text()
    expect(curl.split('\n').slice(2)).toEqual([
      `  --data '{`,
      `  "ticket": {`,
      `    "id": 4711`,
      `  }`,
      `}'`,
    ])
  })

  it('says "Draft only" for a workflow never published', async () => {
    const { wrapper } = await mountView({
      ...workflow,
      publishedVersion: null,
      hasUnpublishedChanges: false,
    })

    expect(wrapper.find('[data-testid="published-version"]').text()).toBe(
      'Draft only',
    )
  })

  it('shows a clicked node’s inputs as written and its action', async () => {
    const { wrapper } = await mountView()
    expect(wrapper.find('.inspector').exists()).toBe(false)

    await wrapper.find('.vue-flow__node[data-id="get_user"]').trigger('click')

    const panel = wrapper.find('.inspector')
    expect(panel.find('h2').text()).toBe('Get user by username')
    expect(panel.text()).toContain(
      'Looks a user up by username (UPN). A user that does not exist is ' +
        'an app error (404), so the step ends Complete with errors.',
    )
    const inputs = panel.find('.inputs')
    expect(inputs.findAll('dt').map((dt) => dt.text())).toEqual([
      'Username (UPN)',
    ])
    expect(inputs.find('dd').text()).toBe(
      '{{trigger.ticket.requested_item.custom_fields.username}}',
    )

    await panel.find('button').trigger('click')
    expect(wrapper.find('.inspector').exists()).toBe(false)
  })

  it('names the configuration a step uses, else shows its id', async () => {
    const { wrapper } = await mountView()
    const configuration = () =>
      wrapper.find('[data-testid="node-configuration"]')

    await wrapper.find('.vue-flow__node[data-id="get_user"]').trigger('click')
    expect(configuration().text()).toBe('Sandbox (Contoso)')
    expect(configuration().attributes('title')).toBe('sandbox')

    // The service desk is installed without a configuration of that id.
    await wrapper
      .find('.vue-flow__node[data-id="resolve_ticket"]')
      .trigger('click')
    expect(configuration().text()).toBe('sandbox')
  })

  it('shows configuration ids, quietly, when apps cannot load', async () => {
    const { wrapper } = await mountView(workflow, () => ({
      status: 503,
      body: { error: { code: 'unavailable', message: 'Try again later' } },
    }))

    await wrapper.find('.vue-flow__node[data-id="get_user"]').trigger('click')
    expect(wrapper.find('[data-testid="node-configuration"]').text()).toBe(
      'sandbox',
    )
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('says so when the workflow does not exist', async () => {
    stubApi({})
    const { wrapper } = await mountAt('/workflows/wf_missing')

    expect(wrapper.find('[role="alert"]').text()).toBe(
      'No workflow with id “wf_missing”.',
    )
  })
})

describe('useAutoLayout', () => {
  const withoutPositions = document.nodes.map(
    ({ position: _, ...node }) => node,
  )

  it('keeps the positions a document has', () => {
    const positions = layoutGraph(document)
    expect(positions.get('note_existing')).toEqual({ x: 780, y: 40 })
    expect(positions.get('resolve_ticket')).toEqual({ x: 1560, y: 280 })
  })

  it('lays unplaced nodes out from left to right along the edges', () => {
    const positions = layoutGraph({
      nodes: withoutPositions,
      edges: document.edges,
    })
    const x = (id: string) => positions.get(id)!.x
    expect(x('trigger')).toBeLessThan(x('get_user'))
    expect(x('get_user')).toBeLessThan(x('user_exists'))
    expect(x('user_exists')).toBeLessThan(x('create_user'))
    expect(x('add_to_group')).toBeLessThan(x('resolve_ticket'))
    // The two branches sit in one column, one above the other.
    expect(x('note_existing')).toBe(x('create_user'))
    expect(positions.get('note_existing')!.y).not.toBe(
      positions.get('create_user')!.y,
    )
  })

  it('places only the nodes that have no position', () => {
    const [first, ...rest] = withoutPositions
    const positions = layoutGraph({
      nodes: [{ ...first!, position: { x: -500, y: -500 } }, ...rest],
      edges: document.edges,
    })
    expect(positions.get('trigger')).toEqual({ x: -500, y: -500 })
    expect(positions.size).toBe(8)
  })
})
