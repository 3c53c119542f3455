// The Graph sandbox's directory: users and groups, driven in-process. Every
// answer is checked against Microsoft's OpenAPI description by the harness.
import { describe, expect, it } from 'vitest'
import { validateGraphRequest } from '../support/openapi'
import {
  expectGraphError,
  GUID,
  HR_ID,
  JACOB,
  MARCUS_ID,
  newUser,
  notFound,
  PRIYA,
  PRIYA_ID,
  ref,
  useGraphSandbox,
} from '../support/sandbox-graph'

const { graph } = useGraphSandbox()

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
    // A doubled quote is an escaped quote inside the literal, not its end.
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
