import { describe, expect, it } from 'vitest'
import fixture from '../../shared/templates/onboarding-request.json'
import type {
  ApiError,
  LogEntry,
  TestActionRequest,
  TestActionResult,
} from '../../shared/api'
import { api } from './helpers'

const form = 'trigger.ticket.requested_item.custom_fields'

/** The onboarding request, sent for someone who already has an account. */
const sample = structuredClone(fixture)
sample.ticket.requested_item.custom_fields.username =
  'priya.raman@contoso-hr.example'

const getUser = {
  id: 'get_user',
  kind: 'app' as const,
  label: 'Get user by username',
  app: 'azure_ad',
  action: 'get_user',
  configuration: 'sandbox',
  inputs: { username: `{{${form}.username}}` },
}

const findGroup = {
  id: 'find_group',
  kind: 'app' as const,
  label: 'Look up department group',
  app: 'azure_ad',
  action: 'find_group',
  configuration: 'sandbox',
  inputs: { displayName: '{{steps.get_user.output.department}}' },
}

function testAction(body: TestActionRequest | Record<string, unknown>) {
  return api('/api/test-action', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function logRow(logId: string): Promise<LogEntry | undefined> {
  const jobId = logId.split(':')[0]!
  const response = await api(`/api/logs?jobId=${jobId}`)
  const { items } = (await response.json()) as { items: LogEntry[] }
  return items.find((entry) => entry.id === logId)
}

describe('testing one app action', () => {
  it('runs get_user with the sample trigger and logs it as a test', async () => {
    const response = await testAction({
      node: getUser,
      trigger: sample,
      workflowId: 'employee-onboarding',
    })
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).not.toContain('sandbox-graph-secret')
    const result = JSON.parse(text) as TestActionResult
    expect(result).toMatchObject({
      status: 'success',
      statusCode: 200,
      message: 'Found user Priya Raman',
      output: {
        displayName: 'Priya Raman',
        userPrincipalName: 'priya.raman@contoso-hr.example',
        department: 'HR',
      },
      details: {
        configuration: { id: 'sandbox', name: 'Sandbox (Contoso)' },
        inputs: { username: 'priya.raman@contoso-hr.example' },
      },
    })
    expect(result.logId).toMatch(/^test-[0-9a-f-]{36}:0001$/)

    expect(await logRow(result.logId)).toMatchObject({
      test: true,
      workflowId: 'employee-onboarding',
      workflowTitle: 'Employee onboarding',
      workflowVersion: 0,
      source: '4711',
      entity: 'ticket',
      nodeId: 'get_user',
      label: 'Get user by username',
      app: 'azure_ad',
      action: 'get_user',
      status: 'success',
      statusCode: 200,
      message: 'Found user Priya Raman',
    })
  })

  it('reads an upstream step from its pinned result', async () => {
    const response = await testAction({
      node: findGroup,
      steps: {
        get_user: {
          statusCode: 200,
          message: 'Found user Priya Raman',
          output: { department: 'HR' },
        },
      },
    })
    const result = (await response.json()) as TestActionResult
    expect(result).toMatchObject({
      status: 'success',
      message: 'Found group HR',
      output: { displayName: 'HR', description: 'Human Resources' },
      details: { inputs: { displayName: 'HR' } },
    })
    // No workflow named: the row says it is a test run and nothing more.
    expect(await logRow(result.logId)).toMatchObject({
      test: true,
      workflowId: '',
      workflowTitle: 'Test run',
      source: '',
      entity: '',
    })
  })

  it('fails naming a step it was given no result for', async () => {
    const response = await testAction({ node: findGroup, trigger: sample })
    expect(response.status).toBe(200)
    const result = (await response.json()) as TestActionResult
    expect(result).toMatchObject({
      status: 'failed',
      statusCode: null,
      message:
        'Input "Group name": {{steps.get_user.output.department}} reads ' +
        'step "get_user", which has no result in this test; test that ' +
        'step first or pin its result',
    })
    expect((await logRow(result.logId))?.status).toBe('failed')
  })

  it('answers an app error as a job shows it', async () => {
    const response = await testAction({
      node: { ...getUser, inputs: { username: 'nobody@contoso-hr.example' } },
    })
    expect(await response.json()).toMatchObject({
      status: 'complete_with_errors',
      statusCode: 404,
      message: 'User "nobody@contoso-hr.example" does not exist in Azure AD',
    })
  })

  it('removes a secret input from all it answers and logs', async () => {
    const password = 'Test-Run-Secret-7731!'
    const response = await testAction({
      node: {
        id: 'create_user',
        kind: 'app',
        label: 'Create user',
        app: 'azure_ad',
        action: 'create_user',
        configuration: 'sandbox',
        inputs: {
          userPrincipalName: `test.${crypto.randomUUID()}@contoso-hr.example`,
          displayName: 'Test Run',
          password,
        },
      },
    })
    const text = await response.text()
    expect(text).not.toContain(password)
    const result = JSON.parse(text) as TestActionResult
    expect(result.status).toBe('success')
    expect(result.details.inputs?.password).toBe('[redacted]')
    expect(JSON.stringify(await logRow(result.logId))).not.toContain(password)
  })

  it('refuses an app, action or configuration that does not exist', async () => {
    const response = await testAction({
      node: { ...getUser, configuration: 'production' },
    })
    expect(response.status).toBe(422)
    const { error } = (await response.json()) as ApiError
    expect(error).toEqual({
      code: 'invalid_node',
      message:
        'Azure AD (Microsoft Entra ID) has no configuration "production"; ' +
        'pick another one or add it in the Orchestration Center',
      problems: [
        {
          code: 'unknown_configuration',
          message: expect.any(String),
          nodeId: 'get_user',
          path: 'node.configuration',
        },
      ],
    })

    const unknown = await testAction({
      node: { ...getUser, action: 'delete_user', inputs: { x: '{{oops' } },
    })
    const body = (await unknown.json()) as ApiError
    expect(body.error.message).toBe(
      '"Get user by username" cannot run: 2 problems',
    )
    expect(body.error.problems!.map((p) => [p.code, p.message])).toEqual([
      [
        'unknown_action',
        'Azure AD (Microsoft Entra ID) has no action "delete_user"',
      ],
      [
        'invalid_placeholder',
        '"{{oops" opens a placeholder with {{ but never closes it with }}',
      ],
    ])
  })

  it('refuses a body of the wrong shape, naming each field', async () => {
    const response = await testAction({
      node: { ...getUser, configuration: '' },
      steps: { get_user: { statusCode: '200' } },
    })
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as ApiError
    expect(error.code).toBe('invalid_request')
    expect(error.message).toMatch(/^The request body is wrong: /)
    expect(error.message).toContain('node.configuration: needs a configuration')
    expect(error.message).toContain('steps.get_user.statusCode')
    expect(error.message).toContain('steps.get_user.message')
  })

  it('writes nothing for a refused request', async () => {
    const before = await api('/api/logs?q=Test%20run&limit=200')
    const count = ((await before.json()) as { items: unknown[] }).items.length
    await testAction({ node: { ...getUser, app: 'okta' } })
    const after = await api('/api/logs?q=Test%20run&limit=200')
    expect(((await after.json()) as { items: unknown[] }).items).toHaveLength(
      count,
    )
  })
})
