import { flushPromises, type DOMWrapper } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { LogEntry, Page, WorkflowSummary } from '../../shared/api'
import { mountAt, requestedUrls, stubApi, type Reply } from './support'

const workflows: WorkflowSummary[] = [
  {
    id: 'wf_onboarding',
    title: 'Employee onboarding',
    description: '',
    publishedVersion: 3,
    hasUnpublishedChanges: false,
    createdAt: '2026-11-02T09:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    hookUrl: '/hooks/wf_onboarding',
  },
  {
    id: 'wf_transfer',
    title: 'Internal transfer',
    description: '',
    publishedVersion: null,
    hasUnpublishedChanges: true,
    createdAt: '2026-11-03T09:00:00Z',
    updatedAt: '2026-11-21T10:00:00Z',
    hookUrl: '/hooks/wf_transfer',
  },
]

function entry(overrides: Partial<LogEntry>): LogEntry {
  return {
    id: 'log_1',
    jobId: 'job_1',
    workflowId: 'wf_onboarding',
    workflowVersion: 3,
    workflowTitle: 'Employee onboarding',
    source: '4711',
    entity: 'ticket',
    test: false,
    nodeId: 'get_user',
    label: 'Get user by username',
    kind: 'app',
    app: 'azure_ad',
    action: 'get_user',
    status: 'success',
    statusCode: 200,
    message: 'OK',
    startedAt: '2026-12-01T08:15:43Z',
    finishedAt: '2026-12-01T08:15:44Z',
    details: {},
    ...overrides,
  }
}

// Newest first, as the server sends them.
const newest = entry({
  id: 'log_3',
  jobId: 'job_b7',
  nodeId: 'resolve_ticket',
  label: 'Resolve ticket',
  app: 'service_desk',
  action: 'update_ticket',
  message: 'Ticket 4711 updated',
  startedAt: '2026-12-01T08:15:46.250Z',
  details: {
    configuration: { id: 'sandbox', name: 'Sandbox helpdesk' },
    inputs: { ticketId: 4711, status: 4 },
    output: { id: 4711, status: 4 },
    warnings: [],
  },
})
const middle = entry({
  id: 'log_2',
  jobId: 'job_b7',
  status: 'complete_with_errors',
  statusCode: 404,
  message: "User 'jacob.whitfield@contoso-hr.example' does not exist",
  startedAt: '2026-12-01T08:15:44Z',
})
const oldest = entry({
  id: 'log_1',
  jobId: 'job_a1',
  source: '',
  entity: 'change',
  test: true,
  label: 'Create user',
  action: 'create_user',
  status: 'failed',
  statusCode: null,
  message: 'Azure AD could not be reached: connection timed out',
  startedAt: '2026-11-30T17:02:09Z',
})

function page(items: LogEntry[], nextCursor: string | null = null): Reply {
  return { body: { items, nextCursor } satisfies Page<LogEntry> }
}

function stubLogs(logs: (url: URL) => Reply) {
  return stubApi({
    '/api/workflows': () => ({ body: { items: workflows } }),
    '/api/logs': logs,
  })
}

function logRequests(fetchMock: ReturnType<typeof stubApi>): URL[] {
  return requestedUrls(fetchMock).filter((url) => url.pathname === '/api/logs')
}

function cellTexts(row: DOMWrapper<Element>): string[] {
  return row.findAll('td').map((cell) => cell.text())
}

describe('execution logs page', () => {
  it('shows the rows in server order with the brief’s columns', async () => {
    stubLogs(() => page([newest, middle, oldest]))
    const { wrapper } = await mountAt('/logs')

    const headers = wrapper.findAll('thead th').map((th) => th.text())
    expect(headers).toEqual([
      'Time',
      'Source',
      'Workflow',
      'Status',
      'Node',
      'System message',
      'Job ID',
      'Type',
      'Details',
    ])

    const rows = wrapper.findAll('[data-testid="log-row"]')
    expect(rows.map((row) => row.find('.col-label').text())).toEqual([
      'Resolve ticket',
      'Get user by username',
      'Create user',
    ])
    expect(
      wrapper.findAll('[data-testid="log-status"]').map((el) => el.text()),
    ).toEqual(['Success', 'Complete with errors', 'Failed'])

    const [, second, third] = rows.map(cellTexts)
    expect(second!.slice(1)).toEqual([
      '4711',
      'Employee onboarding',
      'Complete with errors',
      'Get user by username',
      "404User 'jacob.whitfield@contoso-hr.example' does not exist",
      'job_b7',
      'ticket',
      'Show',
    ])
    expect(third!.slice(1, 3)).toEqual(['—Test', 'Employee onboarding'])
    expect(third![7]).toBe('change')
  })

  it('shows the node start in local time, in UTC on hover', async () => {
    stubLogs(() => page([newest]))
    const { wrapper } = await mountAt('/logs')

    const time = wrapper.find('[data-testid="log-row"] time')
    expect(time.attributes('title')).toBe('2026-12-01T08:15:46.250Z')
    expect(time.attributes('datetime')).toBe('2026-12-01T08:15:46.250Z')
    // The test runner's zone is UTC, so local time equals the instant.
    expect(time.text()).toMatch(/8:15:46/)
    // Date and time may go onto two lines in a narrow column.
    const [date, clock] = time.findAll('.timestamp__part')
    expect(date!.text()).toMatch(/Dec.*2026/)
    expect(clock!.text()).toMatch(/^8:15:46/)
  })

  it('tags test runs and only those', async () => {
    stubLogs(() => page([newest, oldest]))
    const { wrapper } = await mountAt('/logs')

    const rows = wrapper.findAll('[data-testid="log-row"]')
    expect(rows[0]!.find('.chip--test').exists()).toBe(false)
    expect(rows[1]!.find('.chip--test').text()).toBe('Test')
  })

  it('links each job id to the job page', async () => {
    stubLogs(() => page([newest, oldest]))
    const { wrapper, router } = await mountAt('/logs')

    const links = wrapper.findAll('.col-jobId a')
    expect(links.map((link) => link.attributes('href'))).toEqual([
      '/jobs/job_b7',
      '/jobs/job_a1',
    ])
    await links[1]!.trigger('click')
    // The job page is loaded on demand, which takes a few ticks.
    await vi.waitFor(() =>
      expect(router.currentRoute.value.fullPath).toBe('/jobs/job_a1'),
    )
  })

  it('shows the start of a long job id, all of it on hover', async () => {
    const jobId = '41249980-f5e9-43ba-aa33-580f549be6c8'
    stubLogs(() => page([entry({ jobId })]))
    const { wrapper } = await mountAt('/logs')

    const link = wrapper.find('.col-jobId a')
    expect(link.text()).toBe('41249980')
    expect(link.attributes('title')).toBe(jobId)
    expect(link.attributes('aria-label')).toBe(`Job ${jobId}`)
    expect(link.attributes('href')).toBe(`/jobs/${jobId}`)
  })

  it('expands a row to show its details as JSON', async () => {
    stubLogs(() => page([newest, middle]))
    const { wrapper } = await mountAt('/logs')

    expect(wrapper.find('[data-testid="log-details"]').exists()).toBe(false)
    const toggle = wrapper.find('.col-details button')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')

    const details = wrapper.find('[data-testid="log-details"] pre')
    expect(JSON.parse(details.text())).toEqual(newest.details)
    expect(details.text()).toContain('\n  "configuration": {')
    expect(toggle.text()).toBe('Hide')
    expect(toggle.attributes('aria-expanded')).toBe('true')
  })

  it('puts each filter in the request and in the URL', async () => {
    const fetchMock = stubLogs(() => page([newest]))
    const { wrapper, router } = await mountAt('/logs')
    expect(logRequests(fetchMock)[0]!.search).toBe('?limit=50')

    await wrapper.find('#filter-status').setValue('failed')
    await flushPromises()
    await wrapper.find('#filter-workflow').setValue('wf_transfer')
    await flushPromises()
    await wrapper.find('#filter-job').setValue('job_a1')
    await wrapper.find('#filter-q').setValue('timed out')
    await wrapper.find('form.filters').trigger('submit')
    await flushPromises()

    const sent = logRequests(fetchMock).map((url) =>
      Object.fromEntries(url.searchParams),
    )
    expect(sent).toEqual([
      { limit: '50' },
      { status: 'failed', limit: '50' },
      { status: 'failed', workflowId: 'wf_transfer', limit: '50' },
      {
        status: 'failed',
        workflowId: 'wf_transfer',
        jobId: 'job_a1',
        q: 'timed out',
        limit: '50',
      },
    ])
    expect(router.currentRoute.value.query).toEqual({
      status: 'failed',
      workflowId: 'wf_transfer',
      jobId: 'job_a1',
      q: 'timed out',
    })
  })

  it('reproduces the view from a link with filters', async () => {
    const fetchMock = stubLogs(() => page([oldest]))
    const { wrapper } = await mountAt(
      '/logs?status=failed&workflowId=wf_onboarding&q=timed%20out',
    )

    const [request] = logRequests(fetchMock)
    expect(Object.fromEntries(request!.searchParams)).toEqual({
      status: 'failed',
      workflowId: 'wf_onboarding',
      q: 'timed out',
      limit: '50',
    })
    const status = wrapper.find<HTMLSelectElement>('#filter-status')
    const workflow = wrapper.find<HTMLSelectElement>('#filter-workflow')
    expect(status.element.value).toBe('failed')
    expect(workflow.element.value).toBe('wf_onboarding')
    expect(wrapper.find<HTMLInputElement>('#filter-q').element.value).toBe(
      'timed out',
    )
  })

  it('loads more rows with the cursor and appends them', async () => {
    const fetchMock = stubLogs((url) =>
      url.searchParams.get('cursor') === 'after_log_2'
        ? page([oldest])
        : page([newest, middle], 'after_log_2'),
    )
    const { wrapper } = await mountAt('/logs?status=failed')

    const more = wrapper
      .findAll('button')
      .find((button) => button.text() === 'Load more')
    await more!.trigger('click')
    await flushPromises()

    const labels = wrapper
      .findAll('[data-testid="log-row"] .col-label')
      .map((cell) => cell.text())
    expect(labels).toEqual([
      'Resolve ticket',
      'Get user by username',
      'Create user',
    ])
    const last = logRequests(fetchMock).at(-1)!
    expect(Object.fromEntries(last.searchParams)).toEqual({
      status: 'failed',
      limit: '50',
      cursor: 'after_log_2',
    })
    // The last page has no cursor, so there is nothing more to load.
    const buttons = wrapper.findAll('button').map((button) => button.text())
    expect(buttons).not.toContain('Load more')
  })

  it('says so when no row matches', async () => {
    stubLogs(() => page([]))
    const { wrapper } = await mountAt('/logs?q=nothing-like-this')

    expect(wrapper.find('[data-testid="log-row"]').exists()).toBe(false)
    expect(wrapper.find('.empty').text()).toBe(
      'No log entries match these filters.',
    )
  })

  it('shows the server’s error message in words', async () => {
    stubLogs(() => ({
      status: 503,
      body: {
        error: {
          code: 'logs_unavailable',
          message: 'The log store is not available right now.',
        },
      },
    }))
    const { wrapper } = await mountAt('/logs')

    expect(wrapper.find('[role="alert"]').text()).toContain(
      'The log store is not available right now.',
    )
  })
})
