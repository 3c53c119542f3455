// The Entra ID token endpoint, Graph authentication and the sandbox
// controls, driven in-process. Graph answers are checked against Microsoft's
// OpenAPI description by the harness (test/support/sandbox-graph.ts).
import { describe, expect, it, vi } from 'vitest'
import { CONTOSO_SANDBOX, FABRIKAM_SANDBOX } from '../../sandbox/graph/tenants'
import { startSandbox } from '../../sandbox/server'
import {
  credentials,
  expectGraphError,
  GUID,
  HR_ID,
  JACOB,
  newUser,
  PRIYA,
  readJson,
  ref,
  useGraphSandbox,
} from '../support/sandbox-graph'

const { graph, request, tokenFor, tokenRequest } = useGraphSandbox()

describe('token endpoint', () => {
  it('issues an opaque bearer token for the client-credentials grant', async () => {
    const res = await tokenRequest(
      'contoso-sandbox',
      credentials(CONTOSO_SANDBOX),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('no-store')
    const body = await readJson(res)
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
      const body = await readJson(res)
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
    expect((await readJson(wrong)).error_description).toMatch(
      /^AADSTS7000215: Invalid client secret provided\./,
    )
    const res = await tokenRequest('nowhere', credentials(CONTOSO_SANDBOX))
    expect(res.status).toBe(400)
    const body = await readJson(res)
    expect(body.error).toBe('invalid_request')
    expect(body.error_description).toMatch(
      /^AADSTS90002: Tenant 'nowhere' not found\./,
    )
  })

  it('only accepts POST with a form body', async () => {
    const get = await request('/azure/login/contoso-sandbox/oauth2/v2.0/token')
    expect(get.status).toBe(400)
    expect((await readJson(get)).error_codes).toEqual([900561])
    const json = await request(
      '/azure/login/contoso-sandbox/oauth2/v2.0/token',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials(CONTOSO_SANDBOX)),
      },
    )
    expect((await readJson(json)).error_description).toContain("'grant_type'")
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
    const reset = await request('/_sandbox/reset', {
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
    const res = await request('/azure/graph/v1.0/teams', {
      headers: { authorization: `Bearer ${await tokenFor()}` },
    })
    expect(res.status).toBe(404)
    const body = await readJson(res)
    expect(body.error.message).toBe(
      "Resource not found for the segment 'teams'.",
    )
    expect(body.error.innerError['request-id']).toMatch(GUID)
  })

  it('publishes its index and health', async () => {
    const index = await readJson(
      await request('http://127.0.0.1:8790/_sandbox'),
    )
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
    const health = await request('/_sandbox/health')
    expect(health.status).toBe(200)
    expect((await request('/nothing-here')).status).toBe(404)
  })
})

describe('the HTTP server', () => {
  it('serves the token and get-user flow on a random loopback port', async () => {
    const server = await startSandbox({ port: 0 })
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
      const tenant = CONTOSO_SANDBOX
      const tokenRes = await fetch(
        `${server.url}/azure/login/${tenant.name}/oauth2/v2.0/token`,
        { method: 'POST', body: new URLSearchParams(credentials(tenant)) },
      )
      const { access_token } = (await tokenRes.json()) as {
        access_token: string
      }
      const user = await fetch(
        `${server.url}/azure/graph/v1.0/users/${encodeURIComponent(PRIYA)}`,
        { headers: { authorization: `Bearer ${access_token}` } },
      )
      expect(user.status).toBe(200)
      expect(((await user.json()) as { displayName: string }).displayName).toBe(
        'Priya Raman',
      )
    } finally {
      await server.close()
    }
  })
})
