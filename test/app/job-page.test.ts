import { flushPromises, type DOMWrapper } from '@vue/test-utils'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Job, NodeRun } from '../../shared/api'
import onboardingRequest from '../../shared/templates/onboarding-request.json'
import { mountAt, requestedUrls, stubApi, type Reply } from './support'

// The viewer sits in Berlin, so local times cross the 2025 DST change.
beforeAll(() => {
  vi.stubEnv('TZ', 'Europe/Berlin')
})
afterAll(() => {
  vi.unstubAllEnvs()
})

function run(overrides: Partial<NodeRun>): NodeRun {
  return {
    nodeId: 'get_user',
    label: 'Get user by username',
    kind: 'app',
    app: 'azure_ad',
    action: 'get_user',
    status: 'success',
    statusCode: 200,
    message: 'OK',
    startedAt: '2025-03-30T00:59:30Z',
    finishedAt: '2025-03-30T00:59:31.200Z',
    details: {},
    ...overrides,
  }
}

const getUser = run({
  status: 'complete_with_errors',
  statusCode: 404,
  message: "User 'jacob.whitfield@contoso-hr.example' does not exist",
  details: {
    configuration: { id: 'sandbox', name: 'Sandbox tenant' },
    inputs: { username: 'jacob.whitfield@contoso-hr.example' },
    output: { error: 'Request_ResourceNotFound' },
  },
})
const userExists = run({
  nodeId: 'user_exists',
  label: 'User exists?',
  kind: 'condition',
  app: null,
  action: null,
  statusCode: null,
  message: 'false',
  startedAt: '2025-03-30T00:59:31.300Z',
  finishedAt: '2025-03-30T00:59:31.310Z',
})
const createUser = run({
  nodeId: 'create_user',
  label: 'Create user',
  action: 'create_user',
  status: 'failed',
  statusCode: 503,
  message: 'Microsoft Graph is unavailable (503)',
  startedAt: '2025-03-30T00:59:31.400Z',
  finishedAt: '2025-03-30T01:00:30Z',
})

function job(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job_7f3a',
    workflowId: 'wf_onboarding',
    workflowVersion: 3,
    workflowTitle: 'Employee onboarding',
    status: 'failed',
    source: '4711',
    entity: 'ticket',
    startedAt: '2025-03-30T00:59:30Z',
    finishedAt: '2025-03-30T01:00:30Z',
    trigger: onboardingRequest,
    nodes: [getUser, userExists, createUser],
    ...overrides,
  }
}

/** The terms of a definition list and what each says. */
function facts(element: DOMWrapper<Element>): Record<string, string> {
  const terms = element.findAll('dt').map((dt) => dt.text())
  const values = element.findAll('dd').map((dd) => dd.text())
  return Object.fromEntries(terms.map((term, i) => [term, values[i] ?? '']))
}

function stubJob(reply: () => Reply) {
  return stubApi({ '/api/jobs/job_7f3a': reply })
}

describe('job page', () => {
  it('shows the job and its node runs in words, in order', async () => {
    stubJob(() => ({ body: job() }))
    const { wrapper } = await mountAt('/jobs/job_7f3a')

    expect(wrapper.find('[data-testid="job-status"]').text()).toBe('Failed')
    expect(wrapper.find('h1').text()).toBe('Job job_7f3a')
    expect(wrapper.find('.page-header p').text()).toBe(
      'Employee onboarding · version 3',
    )
    expect(facts(wrapper.find('.facts--grid'))).toMatchObject({
      Source: '4711',
      Type: 'ticket',
    })

    const runs = wrapper.findAll('[data-testid="node-run"]')
    expect(runs.map((node) => node.find('h3').text())).toEqual([
      'Get user by username',
      'User exists?',
      'Create user',
    ])
    expect(
      runs.map((node) => node.find('[data-testid="node-run-status"]').text()),
    ).toEqual(['Complete with errors', 'Success', 'Failed'])
    expect(facts(runs[0]!)).toMatchObject({
      'Status code': '404',
      Took: '1.2 s',
    })
    expect(facts(runs[1]!)['Status code']).toBe('—')
    expect(runs[0]!.find('.node-run__message').text()).toBe(
      'System message: ' +
        "User 'jacob.whitfield@contoso-hr.example' does not exist",
    )
    expect(runs[0]!.find('.node-run__title .muted').text()).toBe(
      'Get user by username · Azure AD (Microsoft Entra ID)',
    )
  })

  it('measures a run across the DST change from the UTC instants', async () => {
    stubJob(() => ({ body: job() }))
    const { wrapper } = await mountAt('/jobs/job_7f3a')

    // 00:59:30Z → 01:00:30Z: Berlin clocks read 01:59:30 → 03:00:30, but
    // one minute passed, not one hour and one minute.
    expect(wrapper.find('[data-testid="job-duration"]').text()).toBe('1 min')
    const times = wrapper.findAll('.facts--grid time')
    expect(times.map((time) => time.attributes('title'))).toEqual([
      '2025-03-30T00:59:30Z',
      '2025-03-30T01:00:30Z',
    ])
    expect(times[0]!.text()).toMatch(/\b0?1:59:30\b/)
    expect(times[1]!.text()).toMatch(/\b0?3:00:30\b/)
  })

  it('keeps the trigger payload folded until asked', async () => {
    stubJob(() => ({ body: job() }))
    const { wrapper } = await mountAt('/jobs/job_7f3a')

    const payload = wrapper
      .findAll('details')
      .find((details) => details.find('summary').text() === 'Trigger payload')
    expect(payload!.element.open).toBe(false)
    expect(JSON.parse(payload!.find('pre').text())).toEqual(onboardingRequest)
  })

  it('polls every second until the job ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const answers = [
      job({ status: 'running', finishedAt: null, nodes: [getUser] }),
      job({
        status: 'running',
        finishedAt: null,
        nodes: [getUser, userExists],
      }),
      job(),
    ]
    const fetchMock = stubJob(() => ({ body: answers.shift() ?? job() }))
    const { wrapper } = await mountAt('/jobs/job_7f3a')

    const status = () => wrapper.find('[data-testid="job-status"]').text()
    const runs = () => wrapper.findAll('[data-testid="node-run"]').length
    expect(status()).toBe('Running')
    expect(runs()).toBe(1)
    expect(wrapper.find('[data-testid="job-duration"]').text()).toBe('—')

    await vi.advanceTimersByTimeAsync(1000)
    await flushPromises()
    expect(runs()).toBe(2)

    await vi.advanceTimersByTimeAsync(1000)
    await flushPromises()
    expect(status()).toBe('Failed')
    expect(runs()).toBe(3)

    await vi.advanceTimersByTimeAsync(5000)
    expect(requestedUrls(fetchMock)).toHaveLength(3)
  })

  it('says there is no such job on a 404', async () => {
    stubApi({
      '/api/jobs/job_gone': () => ({
        status: 404,
        body: { error: { code: 'not_found', message: 'Job not found' } },
      }),
    })
    const { wrapper } = await mountAt('/jobs/job_gone')

    expect(wrapper.find('[data-testid="job-not-found"]').text()).toContain(
      'No job with id “job_gone”',
    )
    expect(wrapper.find('[data-testid="job-status"]').exists()).toBe(false)
  })

  it('shows any other error in the server’s words', async () => {
    stubJob(() => ({
      status: 500,
      body: { error: { code: 'internal', message: 'The job store failed.' } },
    }))
    const { wrapper } = await mountAt('/jobs/job_7f3a')

    expect(wrapper.find('[role="alert"]').text()).toContain(
      'The job store failed.',
    )
    expect(wrapper.text()).not.toContain('Error:')
  })
})
