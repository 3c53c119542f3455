// The Entra ID / Graph sandbox, driven in-process. Every Graph answer is
// checked against Microsoft's OpenAPI description (test/support/openapi.ts),
// and every request the sandbox accepts must be valid under it too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSandboxApp } from '../../sandbox/app'
import {
  CONTOSO_SANDBOX,
  FABRIKAM_SANDBOX,
  GRAPH_DEFAULT_SCOPE,
  type GraphTenant,
} from '../../sandbox/graph/tenants'
import { validateGraphRequest, validateGraphResponse } from '../support/openapi'

const PRIYA = 'priya.raman@contoso-hr.example'
const PRIYA_ID = 'b6c1f2a4-5e3d-4c7b-9a8e-1f2d3c4b5a01'
const MARCUS_ID = 'c7d2e3b5-6f4e-4d8c-8b9f-2e3d4c5b6a02'
const JACOB = 'jacob.whitfield@contoso-hr.example'
const HR_ID = 'e1a7c3d5-2b4f-4a6c-8d9e-0a1b2c3d4e11'
const GUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/
const ref = (id: string) => ({
  '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}`,
})
const newUser = (overrides: Record<string, unknown> = {}) => ({
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

let sandbox: ReturnType<typeof createSandboxApp>
beforeEach(() => {
  sandbox = createSandboxApp()
})
afterEach(() => {
  vi.useRealTimers()
})

function tokenRequest(
  tenant: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return sandbox.app.request(`/azure/login/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  })
}

const credentials = (tenant: GraphTenant) => ({
  client_id: tenant.clientId,
  client_secret: tenant.clientSecret,
  grant_type: 'client_credentials',
  scope: GRAPH_DEFAULT_SCOPE,
})

async function tokenFor(tenant: GraphTenant = CONTOSO_SANDBOX) {
  const res = await tokenRequest(tenant.name, credentials(tenant))
  expect(res.status).toBe(200)
  return ((await res.json()) as { access_token: string }).access_token
}

interface CallOptions {
  params?: Record<string, string>
  query?: Record<string, string>
  body?: unknown
  rawBody?: string
  token?: string | null
  headers?: Record<string, string>
}

/**
 * Calls Graph with a spec path template and checks the answer against the
 * spec; an accepted (2xx) request must itself be valid under the spec.
 */
async function graph(method: string, template: string, opts: CallOptions = {}) {
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
  const res = await sandbox.app.request(
    `/azure/graph/v1.0${path}${query ? `?${query}` : ''}`,
    { method, headers, body: payload },
  )
  const text = await res.text()
  const body: unknown = text ? JSON.parse(text) : undefined
  expect(validateGraphResponse(method, template, res.status, body)).toEqual([])
  if (res.ok) {
    expect(validateGraphRequest(method, template, opts.body)).toEqual([])
  }
  return { status: res.status, body: body as Record<string, any>, res }
}

function expectGraphError(
  got: { status: number; body: Record<string, any> },
  status: number,
  code: string,
  message?: string,
) {
  expect(got.status).toBe(status)
  expect(got.body.error.code).toBe(code)
  if (message !== undefined) expect(got.body.error.message).toBe(message)
  const inner = got.body.error.innerError
  expect(inner.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/)
  expect(inner['request-id']).toMatch(GUID)
  expect(inner['client-request-id']).toMatch(GUID)
}

const notFound = (key: string) =>
  `Resource '${key}' does not exist or one of its queried ` +
  'reference-property objects are not present.'

describe('token endpoint', () => {
  it('issues an opaque bearer token for the client-credentials grant', async () => {
    const res = await tokenRequest(
      'contoso-sandbox',
      credentials(CONTOSO_SANDBOX),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('no-store')
    const body = await res.json()
    expect(body).toEqual({
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: expect.stringMatching(/^[\w-]{40,}$/),
    })
  })

  it('accepts the tenant id or a verified domain, and Basic client auth', async () => {
    const { client_id, client_secret, ...rest } = credentials(CONTOSO_SANDBOX)
    const basic = Buffer.from(`${client_id}:${client_secret}`).toString(
      'base64',
    )
    for (const tenant of [CONTOSO_SANDBOX.tenantId, 'contoso-hr.example']) {
      const res = await tokenRequest(tenant, rest, {
        authorization: `Basic ${basic}`,
      })
      expect(res.status).toBe(200)
    }
  })

  const cases: [string, Record<string, string>, number, string, number][] = [
    ['wrong secret', { client_secret: 'nope' }, 401, 'invalid_client', 7000215],
    [
      'unknown client',
      { client_id: FABRIKAM_SANDBOX.clientId },
      400,
      'unauthorized_client',
      700016,
    ],
    ['missing grant_type', { grant_type: '' }, 400, 'invalid_request', 900144],
    ['missing client_id', { client_id: '' }, 400, 'invalid_request', 900144],
    ['missing scope', { scope: '' }, 400, 'invalid_request', 900144],
    ['missing secret', { client_secret: '' }, 401, 'invalid_client', 7000216],
    [
      'other grant',
      { grant_type: 'password' },
      400,
      'unsupported_grant_type',
      70003,
    ],
    [
      'non-default scope',
      { scope: 'User.Read' },
      400,
      'invalid_scope',
      1002012,
    ],
    [
      'other resource',
      { scope: 'https://vault.azure.net/.default' },
      400,
      'invalid_resource',
      500011,
    ],
  ]
  it.each(cases)(
    'rejects %s like Entra ID',
    async (_, change, status, error, code) => {
      const fields = { ...credentials(CONTOSO_SANDBOX), ...change }
      const res = await tokenRequest('contoso-sandbox', fields, {
        'client-request-id': '0f0e0d0c-0b0a-4909-8807-060504030201',
      })
      expect(res.status).toBe(status)
      const body = await res.json()
      expect(body).toMatchObject({ error, error_codes: [code] })
      expect(body.error_description).toMatch(new RegExp(`^AADSTS${code}: `))
      expect(body.error_description).toContain('\r\nTrace ID: ')
      expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/)
      expect(body.trace_id).toMatch(GUID)
      expect(body.correlation_id).toBe('0f0e0d0c-0b0a-4909-8807-060504030201')
      expect(body.error_uri).toBe(
        `https://login.microsoftonline.com/error?code=${code}`,
      )
    },
  )

  it('names the secret problem and the unknown tenant exactly', async () => {
    const wrong = await tokenRequest('contoso-sandbox', {
      ...credentials(CONTOSO_SANDBOX),
      client_secret: 'nope',
    })
    expect((await wrong.json()).error_description).toMatch(
      /^AADSTS7000215: Invalid client secret provided\./,
    )
    const res = await tokenRequest('nowhere', credentials(CONTOSO_SANDBOX))
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error).toBe('invalid_request')
    expect(body.error_description).toMatch(
      /^AADSTS90002: Tenant 'nowhere' not found\./,
    )
  })

  it('only accepts POST with a form body', async () => {
    const get = await sandbox.app.request(
      '/azure/login/contoso-sandbox/oauth2/v2.0/token',
    )
    expect(get.status).toBe(400)
    expect((await get.json()).error_codes).toEqual([900561])
    const json = await sandbox.app.request(
      '/azure/login/contoso-sandbox/oauth2/v2.0/token',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials(CONTOSO_SANDBOX)),
      },
    )
    expect((await json.json()).error_description).toContain("'grant_type'")
  })
})

describe('Graph authentication', () => {
  it('rejects a missing, unknown or expired bearer token', async () => {
    const template = '/users/{user-id}'
    const params = { 'user-id': PRIYA }
    expectGraphError(
      await graph('GET', template, { params, token: null }),
      401,
      'InvalidAuthenticationToken',
      'Access token is empty.',
    )
    expectGraphError(
      await graph('GET', template, { params, token: 'forged' }),
      401,
      'InvalidAuthenticationToken',
    )
    vi.useFakeTimers({ toFake: ['Date'] })
    const token = await tokenFor()
    vi.setSystemTime(Date.now() + 3600 * 1000)
    expectGraphError(
      await graph('GET', template, { params, token }),
      401,
      'InvalidAuthenticationToken',
      'Lifetime validation failed, the token is expired.',
    )
  })

  it('echoes client-request-id and keeps tenants apart', async () => {
    const id = '3a3b3c3d-0000-4000-8000-000000000001'
    const got = await graph('GET', '/users/{user-id}', {
      params: { 'user-id': 'nobody@contoso-hr.example' },
      headers: { 'client-request-id': id },
    })
    expect(got.res.headers.get('client-request-id')).toBe(id)
    expect(got.body.error.innerError['client-request-id']).toBe(id)

    const fabrikam = await tokenFor(FABRIKAM_SANDBOX)
    const params = { 'user-id': PRIYA }
    expect(
      (await graph('GET', '/users/{user-id}', { params, token: fabrikam }))
        .status,
    ).toBe(404)
    const hr = await graph('GET', '/groups', {
      token: fabrikam,
      query: { $filter: "displayName eq 'HR'" },
    })
    expect(hr.body.value).toHaveLength(1)
    expect(hr.body.value[0].id).not.toBe(HR_ID)
  })
})

describe('users', () => {
  it('reads a user by UPN (any case) or id with the default property set', async () => {
    const byUpn = await graph('GET', '/users/{user-id}', {
      params: { 'user-id': PRIYA.toUpperCase() },
    })
    expect(byUpn.status).toBe(200)
    expect(byUpn.res.headers.get('content-type')).toMatch(/^application\/json;/)
    expect(byUpn.body).toEqual({
      '@odata.context':
        'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
      id: PRIYA_ID,
      businessPhones: [],
      displayName: 'Priya Raman',
      givenName: 'Priya',
      jobTitle: 'HR Manager',
      mail: PRIYA,
      mobilePhone: null,
      officeLocation: 'Seattle',
      preferredLanguage: 'en-US',
      surname: 'Raman',
      userPrincipalName: PRIYA,
    })
    const byId = await graph('GET', '/users/{user-id}', {
      params: { 'user-id': PRIYA_ID },
    })
    expect(byId.body.userPrincipalName).toBe(PRIYA)
  })

  it('honours $select and rejects unknown properties', async () => {
    const got = await graph('GET', '/users/{user-id}', {
      params: { 'user-id': PRIYA },
      query: { $select: 'id,department,accountEnabled' },
    })
    expect(got.body).toEqual({
      '@odata.context':
        'https://graph.microsoft.com/v1.0/$metadata#users(id,department,accountEnabled)/$entity',
      id: PRIYA_ID,
      department: 'HR',
      accountEnabled: true,
    })
    const bad = await graph('GET', '/users/{user-id}', {
      params: { 'user-id': PRIYA },
      query: { $select: 'shoeSize' },
    })
    expectGraphError(bad, 400, 'BadRequest')
  })

  it('answers 404 for an unknown user; the new hire does not exist yet', async () => {
    const got = await graph('GET', '/users/{user-id}', {
      params: { 'user-id': JACOB },
    })
    expectGraphError(got, 404, 'Request_ResourceNotFound', notFound(JACOB))
  })

  it('lists users and refuses filters it cannot evaluate', async () => {
    const all = await graph('GET', '/users', {
      query: { $select: 'id,userPrincipalName' },
    })
    expect(all.body.value.map((u: { id: string }) => u.id)).toContain(MARCUS_ID)
    const filtered = await graph('GET', '/users', {
      query: { $filter: "userType eq 'Guest'" },
    })
    expectGraphError(filtered, 400, 'Request_UnsupportedQuery')
  })

  it('creates a user: 201, default set, never the password', async () => {
    const created = await graph('POST', '/users', { body: newUser() })
    expect(created.status).toBe(201)
    expect(created.body.id).toMatch(GUID)
    expect(created.body.userPrincipalName).toBe(JACOB)
    expect(created.body.mail).toBeNull()
    expect(JSON.stringify(created.body)).not.toContain('Temp-Passw0rd!')
    expect(created.body).not.toHaveProperty('passwordProfile')
    expect(created.res.headers.get('location')).toContain(created.body.id)
    const read = await graph('GET', '/users/{user-id}', {
      params: { 'user-id': JACOB },
      query: {
        $select: 'id,department,usageLocation,accountEnabled,passwordProfile',
      },
    })
    expect(read.body).toMatchObject({
      id: created.body.id,
      department: 'HR',
      usageLocation: 'US',
      accountEnabled: true,
      passwordProfile: null,
    })
  })

  it.each([
    ['accountEnabled'],
    ['displayName'],
    ['mailNickname'],
    ['userPrincipalName'],
    ['passwordProfile'],
  ])('rejects a create without %s, naming it', async (name) => {
    const body: Record<string, unknown> = newUser()
    delete body[name]
    const got = await graph('POST', '/users', { body })
    expectGraphError(
      got,
      400,
      'Request_BadRequest',
      `Invalid value specified for property '${name}' of resource 'User'.`,
    )
    expect(validateGraphRequest('POST', '/users', body)).not.toEqual([])
  })

  it('rejects a password-less profile, a duplicate UPN and bad values', async () => {
    const noPassword = newUser({
      passwordProfile: { forceChangePasswordNextSignIn: true },
    })
    expect((await graph('POST', '/users', { body: noPassword })).status).toBe(
      400,
    )
    const duplicate = await graph('POST', '/users', {
      body: newUser({ userPrincipalName: PRIYA.toUpperCase() }),
    })
    expectGraphError(
      duplicate,
      400,
      'Request_BadRequest',
      'Another object with the same value for property userPrincipalName already exists.',
    )
    const foreign = await graph('POST', '/users', {
      body: newUser({ userPrincipalName: 'jacob@elsewhere.example' }),
    })
    expect(foreign.body.error.message).toMatch(/verified domain names/)
    const weak = await graph('POST', '/users', {
      body: newUser({ passwordProfile: { password: 'password' } }),
    })
    expect(weak.body.error.message).toMatch(/password complexity/)
    const unknown = await graph('POST', '/users', {
      body: newUser({ shoeSize: '44' }),
    })
    expectGraphError(unknown, 400, 'BadRequest')
    const junk = await graph('POST', '/users', { rawBody: '{not json' })
    expectGraphError(junk, 400, 'BadRequest')
    // None of the rejected creates left anything behind.
    expect(
      (await graph('GET', '/users/{user-id}', { params: { 'user-id': JACOB } }))
        .status,
    ).toBe(404)
  })

  it('rejects accountEnabled sent as a string, and so does the validator', async () => {
    const body = newUser({ accountEnabled: 'true' })
    expect(validateGraphRequest('POST', '/users', body)).toEqual([
      'request body/accountEnabled must be boolean',
    ])
    const got = await graph('POST', '/users', { body })
    expectGraphError(
      got,
      400,
      'BadRequest',
      "Cannot convert the literal 'true' to the expected type 'Edm.Boolean'.",
    )
  })

  it('updates partially with 204 and no body', async () => {
    const params = { 'user-id': PRIYA }
    const got = await graph('PATCH', '/users/{user-id}', {
      params,
      body: { jobTitle: 'Head of People', department: 'People' },
    })
    expect(got.status).toBe(204)
    expect(got.body).toBeUndefined()
    const disable = await graph('PATCH', '/users/{user-id}', {
      params,
      body: {
        accountEnabled: false,
        passwordProfile: {
          password: 'N3w-Secret!x',
          forceChangePasswordNextSignIn: true,
        },
      },
    })
    expect(disable.status).toBe(204)
    const read = await graph('GET', '/users/{user-id}', {
      params,
      query: { $select: 'jobTitle,department,accountEnabled,displayName' },
    })
    expect(read.body).toMatchObject({
      jobTitle: 'Head of People',
      department: 'People',
      accountEnabled: false,
      displayName: 'Priya Raman',
    })
  })

  it('rejects manager and other bad updates without changing anything', async () => {
    const params = { 'user-id': PRIYA }
    const manager = await graph('PATCH', '/users/{user-id}', {
      params,
      body: { jobTitle: 'Changed', manager: ref(MARCUS_ID)['@odata.id'] },
    })
    expectGraphError(manager, 400, 'Request_BadRequest')
    expect(manager.body.error.message).toContain("'manager'")
    const clash = await graph('PATCH', '/users/{user-id}', {
      params,
      body: { userPrincipalName: 'marcus.lee@contoso-hr.example' },
    })
    expect(clash.status).toBe(400)
    const read = await graph('GET', '/users/{user-id}', { params })
    expect(read.body.jobTitle).toBe('HR Manager')
    expect(read.body.userPrincipalName).toBe(PRIYA)
    const missing = await graph('PATCH', '/users/{user-id}', {
      params: { 'user-id': JACOB },
      body: { jobTitle: 'x' },
    })
    expectGraphError(missing, 404, 'Request_ResourceNotFound', notFound(JACOB))
  })

  it('deletes a user and drops their memberships', async () => {
    const params = { 'user-id': MARCUS_ID }
    expect((await graph('DELETE', '/users/{user-id}', { params })).status).toBe(
      204,
    )
    expect((await graph('GET', '/users/{user-id}', { params })).status).toBe(
      404,
    )
    expect((await graph('DELETE', '/users/{user-id}', { params })).status).toBe(
      404,
    )
  })

  it('lists the groups a user is a member of', async () => {
    const got = await graph('GET', '/users/{user-id}/memberOf', {
      params: { 'user-id': PRIYA },
    })
    expect(got.body['@odata.context']).toBe(
      'https://graph.microsoft.com/v1.0/$metadata#directoryObjects',
    )
    const names = got.body.value.map((g: Record<string, unknown>) => [
      g['@odata.type'],
      g.displayName,
    ])
    expect(names).toEqual([
      ['#microsoft.graph.group', 'HR'],
      ['#microsoft.graph.group', 'All Staff'],
    ])
    const nobody = await graph('GET', '/users/{user-id}/memberOf', {
      params: { 'user-id': JACOB },
    })
    expect(nobody.status).toBe(404)
  })
})

describe('groups', () => {
  const byName = (name: string) =>
    graph('GET', '/groups', { query: { $filter: `displayName eq '${name}'` } })

  it('finds a group by display name, ignoring case', async () => {
    const got = await byName('hr')
    expect(got.body['@odata.context']).toBe(
      'https://graph.microsoft.com/v1.0/$metadata#groups',
    )
    expect(got.body.value).toHaveLength(1)
    expect(got.body.value[0]).toMatchObject({
      id: HR_ID,
      displayName: 'HR',
      description: 'Human Resources',
      mail: 'hr@contoso-hr.example',
      mailNickname: 'hr',
      mailEnabled: true,
      securityEnabled: true,
    })
    expect((await byName('All Staff')).body.value[0].groupTypes).toEqual([
      'Unified',
    ])
    // Doubled quotes are an escaped quote inside the literal, not a syntax error.
    expect((await byName("O''Brien")).body.value).toEqual([])
  })

  it('lists all groups, and refuses other filters', async () => {
    const all = await graph('GET', '/groups', {
      query: { $select: 'id,displayName' },
    })
    expect(
      all.body.value.map((g: { displayName: string }) => g.displayName),
    ).toEqual(['HR', 'IT', 'Finance', 'Sales', 'All Staff'])
    const other = await graph('GET', '/groups', {
      query: { $filter: "startswith(displayName,'H')" },
    })
    expectGraphError(other, 400, 'Request_UnsupportedQuery')
  })

  it('reads a group by id', async () => {
    const got = await graph('GET', '/groups/{group-id}', {
      params: { 'group-id': HR_ID },
    })
    expect(got.body['@odata.context']).toBe(
      'https://graph.microsoft.com/v1.0/$metadata#groups/$entity',
    )
    expect(got.body.securityIdentifier).toMatch(/^S-1-12-1-\d+-\d+-\d+-\d+$/)
    const bad = await graph('GET', '/groups/{group-id}', {
      params: { 'group-id': 'HR' },
    })
    expectGraphError(
      bad,
      400,
      'Request_BadRequest',
      "Invalid object identifier 'HR'.",
    )
    const unknown = '00000000-0000-4000-8000-000000000000'
    const missing = await graph('GET', '/groups/{group-id}', {
      params: { 'group-id': unknown },
    })
    expectGraphError(
      missing,
      404,
      'Request_ResourceNotFound',
      notFound(unknown),
    )
  })

  it('adds, lists and removes members through members/$ref', async () => {
    const group = { 'group-id': HR_ID }
    const members = async () =>
      (
        await graph('GET', '/groups/{group-id}/members', { params: group })
      ).body.value.map((m: { id: string }) => m.id)
    expect(await members()).toEqual([PRIYA_ID])

    const added = await graph('POST', '/groups/{group-id}/members/$ref', {
      params: group,
      body: ref(MARCUS_ID),
    })
    expect(added.status).toBe(204)
    expect(added.body).toBeUndefined()
    expect(await members()).toEqual([PRIYA_ID, MARCUS_ID])

    const again = await graph('POST', '/groups/{group-id}/members/$ref', {
      params: group,
      body: ref(MARCUS_ID),
    })
    expectGraphError(
      again,
      400,
      'Request_BadRequest',
      'One or more added object references already exist for the following ' +
        "modified properties: 'members'.",
    )

    const path = '/groups/{group-id}/members/{directoryObject-id}/$ref'
    const params = { ...group, 'directoryObject-id': MARCUS_ID }
    expect((await graph('DELETE', path, { params })).status).toBe(204)
    expect(await members()).toEqual([PRIYA_ID])
    const gone = await graph('DELETE', path, { params })
    expectGraphError(gone, 404, 'Request_ResourceNotFound', notFound(MARCUS_ID))
  })

  it('rejects unknown members, groups and malformed references', async () => {
    const template = '/groups/{group-id}/members/$ref'
    const params = { 'group-id': HR_ID }
    const ghost = '11111111-1111-4111-8111-111111111111'
    expectGraphError(
      await graph('POST', template, { params, body: ref(ghost) }),
      404,
      'Request_ResourceNotFound',
      notFound(ghost),
    )
    const noGroup = { 'group-id': '22222222-2222-4222-8222-222222222222' }
    expect(
      (await graph('POST', template, { params: noGroup, body: ref(MARCUS_ID) }))
        .status,
    ).toBe(404)
    const wrongHost = {
      '@odata.id': `https://example.com/v1.0/directoryObjects/${MARCUS_ID}`,
    }
    expect(
      (await graph('POST', template, { params, body: wrongHost })).status,
    ).toBe(400)
    expect((await graph('POST', template, { params, body: {} })).status).toBe(
      400,
    )
    expect(validateGraphRequest('POST', template, {})).not.toEqual([])
  })
})

describe('onboarding flow and sandbox controls', () => {
  it('runs the onboarding steps, and reset brings the seed back', async () => {
    const created = await graph('POST', '/users', { body: newUser() })
    const hr = (
      await graph('GET', '/groups', {
        query: { $filter: "displayName eq 'HR'" },
      })
    ).body.value[0]
    await graph('POST', '/groups/{group-id}/members/$ref', {
      params: { 'group-id': hr.id },
      body: ref(created.body.id),
    })
    const groups = await graph('GET', '/users/{user-id}/memberOf', {
      params: { 'user-id': JACOB },
    })
    expect(
      groups.body.value.map((g: { displayName: string }) => g.displayName),
    ).toEqual(['HR'])

    const token = await tokenFor()
    const reset = await sandbox.app.request('/_sandbox/reset', {
      method: 'POST',
    })
    expect(reset.status).toBe(204)
    // The token issued before the reset still works; the data is the seed.
    const after = await graph('GET', '/users/{user-id}', {
      params: { 'user-id': JACOB },
      token,
    })
    expect(after.status).toBe(404)
    const members = await graph('GET', '/groups/{group-id}/members', {
      params: { 'group-id': HR_ID },
    })
    expect(members.body.value).toHaveLength(1)
  })

  it('answers unknown Graph paths with a Graph error', async () => {
    const res = await sandbox.app.request('/azure/graph/v1.0/teams', {
      headers: { authorization: `Bearer ${await tokenFor()}` },
    })
    expect(res.status).toBe(404)
    const body = await res.json()
    expect(body.error.message).toBe(
      "Resource not found for the segment 'teams'.",
    )
    expect(body.error.innerError['request-id']).toMatch(GUID)
  })

  it('publishes its index and health', async () => {
    const index = await (
      await sandbox.app.request('http://127.0.0.1:8790/_sandbox')
    ).json()
    expect(index.vendors.azure_ad.authorityUrl).toBe(
      'http://127.0.0.1:8790/azure/login',
    )
    expect(index.vendors.azure_ad.graphUrl).toBe(
      'http://127.0.0.1:8790/azure/graph',
    )
    expect(index.vendors.azure_ad.tenants).toContainEqual(
      expect.objectContaining({
        tenant: 'fabrikam-sandbox',
        clientId: FABRIKAM_SANDBOX.clientId,
        clientSecret: FABRIKAM_SANDBOX.clientSecret,
      }),
    )
    const health = await sandbox.app.request('/_sandbox/health')
    expect(health.status).toBe(200)
    expect((await sandbox.app.request('/nothing-here')).status).toBe(404)
  })
})
