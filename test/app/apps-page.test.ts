import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it, vi, type Mock } from 'vitest'
import type { AppListing } from '../../app/api/client'
import { azureAd } from '../../shared/catalog/azure-ad'
import { serviceDesk } from '../../shared/catalog/service-desk'
import { mountAt } from './support'

type Reply = { status?: number; body?: unknown }
type Route = (body: unknown) => Reply

/**
 * `support.ts`'s stub knows paths only; these tests need the method and
 * the body, so routes are keyed `METHOD /path`.
 */
function stubRoutes(routes: Record<string, Route>): Mock {
  const fetchMock = vi.fn(
    async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://switchboard.test')
      const method = init.method ?? 'GET'
      const body = init.body ? JSON.parse(String(init.body)) : undefined
      const reply = routes[`${method} ${url.pathname}`]?.(body) ?? {
        status: 404,
        body: { error: { code: 'not_found', message: 'Not found' } },
      }
      const status = reply.status ?? 200
      return new Response(status === 204 ? null : JSON.stringify(reply.body), {
        status,
        headers: { 'content-type': 'application/json' },
      })
    },
  )
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

/** The requests sent other than GETs, with their parsed bodies. */
function writes(fetchMock: Mock) {
  return fetchMock.mock.calls
    .filter(([, init]) => init?.method && init.method !== 'GET')
    .map(([input, init]) => ({
      method: init.method as string,
      path: String(input),
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    }))
}

const azure: AppListing = {
  ...azureAd,
  installed: true,
  configurations: [{ id: 'sandbox', name: 'Sandbox (Contoso)' }],
}
const desk: AppListing = {
  ...serviceDesk,
  installed: false,
  configurations: [],
}

const listing =
  (items: AppListing[] = [azure, desk]): Route =>
  () => ({
    body: { items },
  })

function card(wrapper: VueWrapper, name: string) {
  const found = wrapper
    .findAll('article')
    .find((article) => article.find('h3').text() === name)
  if (!found) throw new Error(`No card for ${name}`)
  return found
}

function button(within: { findAll: VueWrapper['findAll'] }, text: string) {
  const found = within
    .findAll('button')
    .find((candidate) => candidate.text() === text)
  if (!found) throw new Error(`No button “${text}”`)
  return found
}

/** The input whose label starts with `label`. */
function input(wrapper: VueWrapper, label: string) {
  const found = wrapper
    .findAll('label')
    .find((candidate) => candidate.text().startsWith(label))
  const id = found?.attributes('for')
  if (!id) throw new Error(`No input labelled “${label}”`)
  return wrapper.find(`[id="${id}"]`)
}

describe('Apps page', () => {
  it('lists the catalog by category with each install state', async () => {
    stubRoutes({ 'GET /api/apps': listing() })
    const { wrapper } = await mountAt('/apps')

    const headings = wrapper.findAll('h2').map((h) => h.text())
    expect(headings).toEqual(['Identity', 'Service desk'])
    const azureCard = card(wrapper, azureAd.name)
    expect(azureCard.text()).toContain(azureAd.description)
    expect(azureCard.get('[data-testid="install-state"]').text()).toBe(
      'Installed',
    )
    expect(azureCard.text()).toContain('Sandbox (Contoso)')
    expect(azureCard.text()).toContain('sandbox')
    const deskCard = card(wrapper, serviceDesk.name)
    expect(deskCard.get('[data-testid="install-state"]').text()).toBe(
      'Not installed',
    )
    expect(button(deskCard, 'Install').exists()).toBe(true)
    expect(wrapper.find('nav a[href="/apps"]').text()).toBe('Apps')
  })

  it('creates a configuration with settings and secrets apart', async () => {
    const created = {
      id: 'contoso',
      name: 'Contoso',
      settings: { tenantId: 'contoso.onmicrosoft.com', clientId: 'c1' },
      secrets: { clientSecret: 'set' },
    }
    const fetchMock = stubRoutes({
      'GET /api/apps': listing(),
      'POST /api/apps/azure_ad/configurations': () => ({
        status: 201,
        body: created,
      }),
    })
    const log = vi.spyOn(console, 'log')
    const { wrapper, router } = await mountAt('/apps')
    const azureCard = card(wrapper, azureAd.name)

    await button(azureCard, 'Add configuration').trigger('click')
    const secret = input(wrapper, 'Client secret')
    expect(secret.attributes('type')).toBe('password')
    expect(wrapper.text()).toContain('Not set')
    expect(input(wrapper, 'Tenant').attributes('placeholder')).toBe(
      'contoso.onmicrosoft.com',
    )
    await input(wrapper, 'Name').setValue('Contoso')
    await input(wrapper, 'Tenant').setValue('contoso.onmicrosoft.com')
    await input(wrapper, 'Application (client) id').setValue('c1')
    await secret.setValue('s3cret')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(writes(fetchMock)).toEqual([
      {
        method: 'POST',
        path: '/api/apps/azure_ad/configurations',
        body: {
          name: 'Contoso',
          settings: { tenantId: 'contoso.onmicrosoft.com', clientId: 'c1' },
          secrets: { clientSecret: 's3cret' },
        },
      },
    ])
    expect(wrapper.text()).toContain('Saved “Contoso”.')
    expect(wrapper.find('form').exists()).toBe(false)
    expect(router.currentRoute.value.fullPath).toBe('/apps')
    expect(JSON.stringify(log.mock.calls)).not.toContain('s3cret')
  })

  it('keeps a stored secret when it is left empty on edit', async () => {
    const stored = {
      id: 'sandbox',
      name: 'Sandbox (Contoso)',
      settings: { tenantId: 'contoso.onmicrosoft.com', clientId: 'c1' },
      secrets: { clientSecret: 'set' },
    }
    const fetchMock = stubRoutes({
      'GET /api/apps': listing(),
      'GET /api/apps/azure_ad/configurations/sandbox': () => ({
        body: stored,
      }),
      'PUT /api/apps/azure_ad/configurations/sandbox': () => ({
        body: { ...stored, name: 'Sandbox' },
      }),
    })
    const { wrapper } = await mountAt('/apps')

    await button(wrapper, 'Edit').trigger('click')
    await flushPromises()
    const secret = input(wrapper, 'Client secret')
    expect((secret.element as HTMLInputElement).value).toBe('')
    expect(wrapper.get('[data-field="clientSecret"]').text()).toContain(
      'Set — leave empty to keep',
    )
    expect((input(wrapper, 'Tenant').element as HTMLInputElement).value).toBe(
      'contoso.onmicrosoft.com',
    )
    await input(wrapper, 'Name').setValue('Sandbox')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    const [put] = writes(fetchMock)
    expect(put?.method).toBe('PUT')
    expect(put?.body.secrets).toEqual({})
    expect(put?.body).toMatchObject({
      name: 'Sandbox',
      settings: {
        tenantId: 'contoso.onmicrosoft.com',
        clientId: 'c1',
        authorityUrl: null,
        graphUrl: null,
      },
    })
    expect(wrapper.text()).toContain('Saved “Sandbox”.')
  })

  it('sends null for a secret whose Remove box is ticked', async () => {
    const stored = {
      id: 'sandbox',
      name: 'Sandbox (Contoso)',
      settings: { tenantId: 't', clientId: 'c1' },
      secrets: { clientSecret: 'set' },
    }
    const fetchMock = stubRoutes({
      'GET /api/apps': listing(),
      'GET /api/apps/azure_ad/configurations/sandbox': () => ({
        body: stored,
      }),
      'PUT /api/apps/azure_ad/configurations/sandbox': () => ({
        body: { ...stored, secrets: { clientSecret: 'not set' } },
      }),
    })
    const { wrapper } = await mountAt('/apps')

    await button(wrapper, 'Edit').trigger('click')
    await flushPromises()
    await wrapper
      .get('[data-field="clientSecret"] input[type="checkbox"]')
      .setValue(true)
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(writes(fetchMock)[0]?.body.secrets).toEqual({ clientSecret: null })
  })

  it('shows a 422 next to the form', async () => {
    const message = 'Missing required setting "tenantId"'
    stubRoutes({
      'GET /api/apps': listing(),
      'POST /api/apps/azure_ad/configurations': () => ({
        status: 422,
        body: { error: { code: 'invalid_configuration', message } },
      }),
    })
    const { wrapper } = await mountAt('/apps')

    await button(wrapper, 'Add configuration').trigger('click')
    await input(wrapper, 'Name').setValue('Contoso')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(wrapper.get('form [role="alert"]').text()).toBe(message)
  })

  it('shows the server’s message when a delete is refused', async () => {
    const message =
      'Configuration "sandbox" is used by the workflow "Onboard user"'
    const fetchMock = stubRoutes({
      'GET /api/apps': listing(),
      'DELETE /api/apps/azure_ad/configurations/sandbox': () => ({
        status: 409,
        body: { error: { code: 'in_use', message } },
      }),
    })
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true)
    const { wrapper } = await mountAt('/apps')

    await button(wrapper, 'Delete').trigger('click')
    await flushPromises()

    expect(confirm).toHaveBeenCalledOnce()
    expect(writes(fetchMock)).toEqual([
      {
        method: 'DELETE',
        path: '/api/apps/azure_ad/configurations/sandbox',
        body: undefined,
      },
    ])
    const alert = card(wrapper, azureAd.name).get('[role="alert"]')
    expect(alert.text()).toBe(message)
    expect(wrapper.text()).toContain('Sandbox (Contoso)')
  })

  it('shows why an app in use cannot be uninstalled', async () => {
    const message = 'Azure AD is used by the workflow "Onboard user"'
    stubRoutes({
      'GET /api/apps': listing(),
      'DELETE /api/apps/azure_ad': () => ({
        status: 409,
        body: { error: { code: 'in_use', message } },
      }),
    })
    vi.spyOn(window, 'confirm').mockReturnValue(true)
    const { wrapper } = await mountAt('/apps')

    await button(card(wrapper, azureAd.name), 'Uninstall').trigger('click')
    await flushPromises()

    const azureCard = card(wrapper, azureAd.name)
    expect(azureCard.get('[role="alert"]').text()).toBe(message)
    expect(azureCard.get('[data-testid="install-state"]').text()).toBe(
      'Installed',
    )
  })

  it('asks before uninstalling and sends nothing when declined', async () => {
    const fetchMock = stubRoutes({ 'GET /api/apps': listing() })
    vi.spyOn(window, 'confirm').mockReturnValue(false)
    const { wrapper } = await mountAt('/apps')

    await button(card(wrapper, azureAd.name), 'Uninstall').trigger('click')
    await flushPromises()

    expect(writes(fetchMock)).toEqual([])
  })

  it('installs an app and shows it installed', async () => {
    let installed = false
    const fetchMock = stubRoutes({
      'GET /api/apps': () =>
        listing([azure, { ...desk, installed }])(undefined),
      'POST /api/apps/service_desk/install': () => {
        installed = true
        return { status: 201, body: { id: 'service_desk', installed } }
      },
    })
    const { wrapper } = await mountAt('/apps')

    await button(card(wrapper, serviceDesk.name), 'Install').trigger('click')
    await flushPromises()

    expect(writes(fetchMock).map((w) => w.path)).toEqual([
      '/api/apps/service_desk/install',
    ])
    const deskCard = card(wrapper, serviceDesk.name)
    expect(deskCard.get('[data-testid="install-state"]').text()).toBe(
      'Installed',
    )
    expect(button(deskCard, 'Add configuration').exists()).toBe(true)
  })
})
