import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, TestActionResult } from '../../shared/api'
import { api } from './helpers'
import { SANDBOX_URL } from './sandbox'

const RIGHT_KEY = 'sandbox-freshservice-key'
const WRONG_KEY = 'wrong-key-Xy7+/=&?'

interface ConfigurationView {
  id: string
  name: string
  settings: Record<string, string>
  secrets: Record<string, 'set' | 'not set'>
}

beforeAll(async () => {
  await api('/api/health') // seeds the sandbox apps and onboarding workflow
})

function send(method: string, path: string, body?: unknown) {
  return api(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

const configurations = '/api/apps/service_desk/configurations'

async function create(body: Record<string, unknown>) {
  const response = await send('POST', configurations, body)
  expect(response.status).toBe(201)
  return (await response.json()) as ConfigurationView
}

async function errorOf(response: Response) {
  return ((await response.json()) as ApiError).error
}

/** Every way a secret could leak into a response's text. */
function expectNoSecret(text: string, secret: string) {
  for (const form of [secret, encodeURIComponent(secret), btoa(secret)]) {
    expect(text).not.toContain(form)
  }
}

/** Adds a note to ticket 4711 with the configuration, as a test run. */
async function addNote(configuration: string): Promise<TestActionResult> {
  const response = await send('POST', '/api/test-action', {
    node: {
      id: 'note',
      kind: 'app',
      label: 'Add a note',
      app: 'service_desk',
      action: 'add_note',
      configuration,
      inputs: { ticketId: 4711, body: 'Checked the credentials' },
    },
  })
  expect(response.status).toBe(200)
  const text = await response.text()
  expectNoSecret(text, RIGHT_KEY)
  expectNoSecret(text, WRONG_KEY)
  return JSON.parse(text) as TestActionResult
}

const helpdesk = { baseUrl: `${SANDBOX_URL}/freshservice` }

describe('app configurations', () => {
  it('creates one with an id from its name, showing secrets as set', async () => {
    const response = await send('POST', configurations, {
      name: 'Helpdesk (Zürich)',
      settings: helpdesk,
      secrets: { apiKey: WRONG_KEY },
    })
    expect(response.status).toBe(201)
    const text = await response.text()
    expectNoSecret(text, WRONG_KEY)
    expect(JSON.parse(text)).toEqual({
      id: 'helpdesk-zurich',
      name: 'Helpdesk (Zürich)',
      settings: helpdesk,
      secrets: { apiKey: 'set' },
    })

    const read = await api(`${configurations}/helpdesk-zurich`)
    expect(read.status).toBe(200)
    const readText = await read.text()
    expectNoSecret(readText, WRONG_KEY)
    expect(JSON.parse(readText)).toMatchObject({ secrets: { apiKey: 'set' } })

    const listed = await api('/api/apps')
    const listText = await listed.text()
    expectNoSecret(listText, WRONG_KEY)
    const { items } = JSON.parse(listText) as {
      items: { id: string; configurations: { id: string; name: string }[] }[]
    }
    const desk = items.find((item) => item.id === 'service_desk')!
    expect(desk.configurations).toContainEqual({
      id: 'helpdesk-zurich',
      name: 'Helpdesk (Zürich)',
    })
  })

  it('shows a secret never given as not set', async () => {
    const view = await create({
      id: 'no-key-yet',
      name: 'No key yet',
      settings: helpdesk,
    })
    expect(view.secrets).toEqual({ apiKey: 'not set' })
  })

  it('refuses an id that exists, naming it', async () => {
    await create({ id: 'twice', name: 'Twice', settings: helpdesk })
    const again = await send('POST', configurations, {
      id: 'twice',
      name: 'Twice again',
      settings: helpdesk,
    })
    expect(again.status).toBe(409)
    const error = await errorOf(again)
    expect(error.code).toBe('conflict')
    expect(error.message).toContain('"twice"')
  })

  it('keeps a secret an update leaves out, and uses the new one given', async () => {
    await create({
      id: 'rotating',
      name: 'Rotating',
      settings: helpdesk,
      secrets: { apiKey: WRONG_KEY },
    })
    const wrong = await addNote('rotating')
    expect(wrong).toMatchObject({
      status: 'complete_with_errors',
      statusCode: 401,
    })

    const renamed = await send('PUT', `${configurations}/rotating`, {
      name: 'Rotating key',
    })
    expect(renamed.status).toBe(200)
    expect(await renamed.json()).toEqual({
      id: 'rotating',
      name: 'Rotating key',
      settings: helpdesk,
      secrets: { apiKey: 'set' },
    })
    // The stored key is still the wrong one: the rename did not drop it.
    expect((await addNote('rotating')).statusCode).toBe(401)

    const fixed = await send('PUT', `${configurations}/rotating`, {
      secrets: { apiKey: RIGHT_KEY },
    })
    expect(fixed.status).toBe(200)
    expectNoSecret(await fixed.text(), RIGHT_KEY)
    expect(await addNote('rotating')).toMatchObject({
      status: 'success',
      statusCode: 201,
    })

    // A settings change alone keeps the right key.
    const moved = await send('PUT', `${configurations}/rotating`, {
      settings: helpdesk,
    })
    expect(moved.status).toBe(200)
    expect((await addNote('rotating')).statusCode).toBe(201)
  })

  it('removes a secret given as null', async () => {
    await create({
      id: 'forget-me',
      name: 'Forget me',
      settings: helpdesk,
      secrets: { apiKey: RIGHT_KEY },
    })
    const response = await send('PUT', `${configurations}/forget-me`, {
      secrets: { apiKey: null },
    })
    expect(response.status).toBe(200)
    expect(((await response.json()) as ConfigurationView).secrets).toEqual({
      apiKey: 'not set',
    })
  })

  it('names every wrong field at once', async () => {
    const response = await send('POST', configurations, {
      name: 'Mixed up',
      settings: { apiKey: RIGHT_KEY, colour: 'blue' },
      secrets: { baseUrl: 'https://acme.example', token: 'x' },
    })
    expect(response.status).toBe(422)
    const text = await response.text()
    expectNoSecret(text, RIGHT_KEY)
    const { error } = JSON.parse(text) as ApiError
    expect(error.code).toBe('invalid_configuration')
    expect(error.message).toContain(
      'settings.apiKey: is a secret; send it in "secrets"',
    )
    expect(error.message).toContain(
      'settings.colour: Service desk (Freshservice) has no field "colour" ' +
        '(it has baseUrl, apiKey)',
    )
    expect(error.message).toContain(
      'secrets.baseUrl: is not a secret; send it in "settings"',
    )
    expect(error.message).toContain('secrets.token: ')
  })

  it('refuses a configuration without a required setting', async () => {
    const missing = await send('POST', configurations, {
      name: 'No address',
      secrets: { apiKey: RIGHT_KEY },
    })
    expect(missing.status).toBe(422)
    expect((await errorOf(missing)).message).toBe(
      'The configuration is wrong: settings.baseUrl: Helpdesk URL is required',
    )

    await create({ id: 'keep-url', name: 'Keep URL', settings: helpdesk })
    const cleared = await send('PUT', `${configurations}/keep-url`, {
      settings: { baseUrl: null },
    })
    expect(cleared.status).toBe(422)
  })

  it('refuses a body of the wrong shape and unknown names', async () => {
    const badId = await send('POST', configurations, {
      id: 'Not A Slug',
      name: 'x',
    })
    expect(badId.status).toBe(400)
    expect((await errorOf(badId)).message).toMatch(
      /^The request body is wrong: id:/,
    )

    const noApp = await send('POST', '/api/apps/fax/configurations', {
      name: 'Fax',
    })
    expect(noApp.status).toBe(404)
    expect((await errorOf(noApp)).message).toBe('No app "fax" in the catalog')

    const noConfig = await api(`${configurations}/ghost`)
    expect(noConfig.status).toBe(404)
    expect((await errorOf(noConfig)).message).toBe(
      'Service desk (Freshservice) has no configuration "ghost"',
    )
  })

  it('installs an app that is not installed yet with its first configuration', async () => {
    await env.DB.batch([
      env.DB.prepare("DELETE FROM app_configurations WHERE app = 'azure_ad'"),
      env.DB.prepare("DELETE FROM app_installations WHERE app = 'azure_ad'"),
    ])
    const response = await send('POST', '/api/apps/azure_ad/configurations', {
      name: 'Contoso',
      settings: {
        tenantId: 'contoso',
        clientId: '11111111-2222-3333-4444-555555555555',
      },
      secrets: { clientSecret: 'a-client-secret' },
    })
    expect(response.status).toBe(201)
    const listed = await api('/api/apps')
    const { items } = (await listed.json()) as {
      items: { id: string; installed: boolean }[]
    }
    expect(items.find((item) => item.id === 'azure_ad')?.installed).toBe(true)
  })
})

describe('removing configurations and apps', () => {
  it('refuses to delete a configuration a workflow uses, naming it', async () => {
    const response = await api(`${configurations}/sandbox`, {
      method: 'DELETE',
    })
    expect(response.status).toBe(409)
    expect(await errorOf(response)).toEqual({
      code: 'in_use',
      message:
        'The Service desk (Freshservice) configuration "sandbox" is used by ' +
        'the workflow "Employee onboarding"; remove those steps and publish ' +
        'first',
    })
    expect((await api(`${configurations}/sandbox`)).status).toBe(200)
  })

  it('deletes a configuration no workflow uses', async () => {
    await create({ id: 'short-lived', name: 'Short-lived', settings: helpdesk })
    const response = await api(`${configurations}/short-lived`, {
      method: 'DELETE',
    })
    expect(response.status).toBe(204)
    expect((await api(`${configurations}/short-lived`)).status).toBe(404)
    const again = await api(`${configurations}/short-lived`, {
      method: 'DELETE',
    })
    expect(again.status).toBe(404)
  })

  it('refuses to uninstall an app a workflow uses, then uninstalls it', async () => {
    const refused = await api('/api/apps/service_desk', { method: 'DELETE' })
    expect(refused.status).toBe(409)
    expect((await errorOf(refused)).message).toBe(
      'Service desk (Freshservice) is used by the workflow "Employee ' +
        'onboarding"; remove those steps and publish first',
    )

    // Only the seeded onboarding workflow uses it; without it, nothing does.
    await env.DB.batch([
      env.DB.prepare('DELETE FROM workflow_versions'),
      env.DB.prepare('DELETE FROM workflows'),
    ])
    const removed = await api('/api/apps/service_desk', { method: 'DELETE' })
    expect(removed.status).toBe(204)
    expect((await api(`${configurations}/sandbox`)).status).toBe(404)

    const installed = await send('POST', '/api/apps/service_desk/install')
    expect(installed.status).toBe(201)
    const again = await send('POST', '/api/apps/service_desk/install')
    expect(again.status).toBe(200)
    const unknown = await send('POST', '/api/apps/fax/install')
    expect(unknown.status).toBe(404)
    expect((await errorOf(unknown)).message).toBe('No app "fax" in the catalog')
  })
})
