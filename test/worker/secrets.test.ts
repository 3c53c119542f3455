import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { installStatements } from '../../worker/db/configurations'
import { createVault, VaultError } from '../../worker/secrets/vault'
import { api } from './helpers'

const otherKey = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return btoa(String.fromCharCode(...bytes))
}

describe('configuration secrets at rest', () => {
  it('are sealed in D1, in no readable form', async () => {
    await api('/api/health') // seeds the sandbox configurations
    const row = await env.DB.prepare(
      `SELECT secrets FROM app_configurations
       WHERE app = 'azure_ad' AND id = 'sandbox'`,
    ).first<{ secrets: string }>()
    expect(row!.secrets).toMatch(/^v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/)
    for (const form of ['sandbox-graph-secret', btoa('sandbox-graph-secret')]) {
      expect(row!.secrets).not.toContain(form)
    }
    const vault = createVault(env.SECRETS_KEY)
    expect(await vault.open(row!.secrets, 'azure_ad/sandbox')).toEqual({
      clientSecret: 'sandbox-graph-secret',
    })
  })

  it('open only with their key, for their own configuration', async () => {
    const vault = createVault(env.SECRETS_KEY)
    const sealed = await vault.seal({ apiKey: 'k-123456' }, 'service_desk/a')
    await expect(vault.open(sealed, 'service_desk/b')).rejects.toThrow(
      VaultError,
    )
    await expect(
      createVault(otherKey()).open(sealed, 'service_desk/a'),
    ).rejects.toThrow(
      'The stored credentials cannot be opened with this SECRETS_KEY; ' +
        'it changed since they were saved, so enter them again',
    )
  })

  it('say how to set a missing key', async () => {
    await expect(createVault(undefined).seal({}, 'x/y')).rejects.toThrow(
      'an administrator sets it with `wrangler secret put SECRETS_KEY`',
    )
    await expect(createVault('c2hvcnQ=').seal({}, 'x/y')).rejects.toThrow(
      'SECRETS_KEY must be 32 bytes, base64-encoded',
    )
  })
})

describe('credentials sealed under another key', () => {
  it('are refused with 503 and a message that says what to do', async () => {
    await env.DB.batch(
      await installStatements(env.DB, createVault(otherKey()), {
        app: 'service_desk',
        id: 'old-key',
        name: 'Saved under an old key',
        settings: { baseUrl: 'https://acme.freshservice.com' },
        secrets: { apiKey: 'k-7654321' },
      }),
    )
    const response = await api('/api/apps/service_desk/configurations/old-key')
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({
      error: {
        code: 'secrets_unavailable',
        message:
          'The stored credentials cannot be opened with this SECRETS_KEY; ' +
          'it changed since they were saved, so enter them again',
      },
    })
  })
})
