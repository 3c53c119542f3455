// Test harness for the Entra ID / Graph sandbox: a fresh in-process app per
// test, token helpers, and a Graph caller that checks every answer (and
// every accepted request) against the OpenAPI contract.
import { afterEach, beforeEach, expect, vi } from 'vitest'
import { createSandboxApp } from '../../sandbox/app'
import {
  CONTOSO_SANDBOX,
  GRAPH_DEFAULT_SCOPE,
  type GraphTenant,
} from '../../sandbox/graph/tenants'
import { validateGraphRequest, validateGraphResponse } from './openapi'

export const PRIYA = 'priya.raman@contoso-hr.example'
export const PRIYA_ID = 'b6c1f2a4-5e3d-4c7b-9a8e-1f2d3c4b5a01'
export const MARCUS_ID = 'c7d2e3b5-6f4e-4d8c-8b9f-2e3d4c5b6a02'
export const JACOB = 'jacob.whitfield@contoso-hr.example'
export const HR_ID = 'e1a7c3d5-2b4f-4a6c-8d9e-0a1b2c3d4e11'
export const GUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/

/** A members/$ref body naming a directory object. */
export const ref = (id: string) => ({
  '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}`,
})

/** The create-user body the onboarding workflow sends for the new hire. */
export const newUser = (overrides: Record<string, unknown> = {}) => ({
  accountEnabled: true,
  displayName: 'Jacob Whitfield',
  givenName: 'Jacob',
  surname: 'Whitfield',
  mailNickname: 'jacob.whitfield',
  userPrincipalName: JACOB,
  jobTitle: 'HR Generalist',
  department: 'HR',
  usageLocation: 'US',
  passwordProfile: {
    password: 'Temp-Passw0rd!',
    forceChangePasswordNextSignIn: true,
  },
  ...overrides,
})

export const notFound = (key: string) =>
  `Resource '${key}' does not exist or one of its queried ` +
  'reference-property objects are not present.'

export const credentials = (tenant: GraphTenant) => ({
  client_id: tenant.clientId,
  client_secret: tenant.clientSecret,
  grant_type: 'client_credentials',
  scope: GRAPH_DEFAULT_SCOPE,
})

// Bodies have already passed the contract validator when tests read them,
// so tests may walk them freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>

export async function readJson(res: Response): Promise<Body> {
  return (await res.json()) as Body
}

export interface GraphAnswer {
  status: number
  body: Body
  res: Response
}

export interface CallOptions {
  params?: Record<string, string>
  query?: Record<string, string>
  body?: unknown
  rawBody?: string
  /** undefined: a fresh Contoso token; null: no Authorization header. */
  token?: string | null
  headers?: Record<string, string>
}

export function expectGraphError(
  got: GraphAnswer,
  status: number,
  code: string,
  message?: string,
): void {
  expect(got.status).toBe(status)
  expect(got.body.error.code).toBe(code)
  if (message !== undefined) expect(got.body.error.message).toBe(message)
  const inner = got.body.error.innerError
  expect(inner.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/)
  expect(inner['request-id']).toMatch(GUID)
  expect(inner['client-request-id']).toMatch(GUID)
}

/** Registers per-test setup and returns helpers bound to the current app. */
export function useGraphSandbox() {
  let sandbox = createSandboxApp()
  beforeEach(() => {
    sandbox = createSandboxApp()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const request = (path: string, init?: RequestInit) =>
    Promise.resolve(sandbox.app.request(path, init))

  function tokenRequest(
    tenant: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) {
    return request(`/azure/login/${tenant}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    })
  }

  async function tokenFor(tenant: GraphTenant = CONTOSO_SANDBOX) {
    const res = await tokenRequest(tenant.name, credentials(tenant))
    expect(res.status).toBe(200)
    return ((await res.json()) as { access_token: string }).access_token
  }

  /**
   * Calls Graph with a spec path template and checks the answer against the
   * spec; an accepted (2xx) request must itself be valid under the spec.
   */
  async function graph(
    method: string,
    template: string,
    opts: CallOptions = {},
  ): Promise<GraphAnswer> {
    let path = template
    for (const [name, value] of Object.entries(opts.params ?? {})) {
      path = path.replace(`{${name}}`, encodeURIComponent(value))
    }
    const query = new URLSearchParams(opts.query ?? {}).toString()
    const token = opts.token === undefined ? await tokenFor() : opts.token
    const headers: Record<string, string> = { ...opts.headers }
    if (token) headers.authorization = `Bearer ${token}`
    let payload = opts.rawBody
    if (opts.body !== undefined) payload = JSON.stringify(opts.body)
    if (payload !== undefined) headers['content-type'] = 'application/json'
    const res = await request(
      `/azure/graph/v1.0${path}${query ? `?${query}` : ''}`,
      { method, headers, body: payload },
    )
    const text = await res.text()
    const body: unknown = text ? JSON.parse(text) : undefined
    expect(validateGraphResponse(method, template, res.status, body)).toEqual(
      [],
    )
    if (res.ok) {
      expect(validateGraphRequest(method, template, opts.body)).toEqual([])
    }
    return { status: res.status, body: body as Body, res }
  }

  return {
    request,
    tokenRequest,
    tokenFor,
    graph,
    reset: () => sandbox.reset(),
  }
}
