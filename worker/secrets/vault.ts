/**
 * Configuration secrets are sealed with AES-GCM under a key from the
 * Worker secret `SECRETS_KEY` (32 random bytes, base64) before they reach
 * D1, and opened only on their way to a connector. Each sealed value is
 * bound to its configuration, so it cannot be moved to another row.
 */
export interface Vault {
  seal(secrets: Record<string, string>, owner: string): Promise<string>
  open(sealed: string, owner: string): Promise<Record<string, string>>
}

/** The key is missing or wrong: secrets can be neither stored nor read. */
export class VaultError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'VaultError'
  }
}

const FORMAT = 'v1'
const keys = new Map<string, Promise<CryptoKey>>()

export function createVault(secretsKey: string | undefined): Vault {
  const key = () => {
    if (!secretsKey) {
      throw new VaultError(
        'Switchboard has no SECRETS_KEY, so it cannot use app credentials; ' +
          'an administrator sets it with `wrangler secret put SECRETS_KEY`',
      )
    }
    let imported = keys.get(secretsKey)
    if (!imported) {
      imported = importKey(secretsKey)
      imported.catch(() => keys.delete(secretsKey))
      keys.set(secretsKey, imported)
    }
    return imported
  }
  return {
    async seal(secrets, owner) {
      const iv = crypto.getRandomValues(new Uint8Array(12))
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encode(owner) },
        await key(),
        encode(JSON.stringify(secrets)),
      )
      return [FORMAT, toBase64(iv), toBase64(new Uint8Array(sealed))].join('.')
    },
    async open(sealed, owner) {
      const [format, iv, data] = sealed.split('.')
      if (format !== FORMAT || !iv || !data) {
        throw new VaultError(
          'A stored secret is not in a format Switchboard knows',
        )
      }
      try {
        const plain = await crypto.subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: fromBase64(iv),
            additionalData: encode(owner),
          },
          await key(),
          fromBase64(data),
        )
        return JSON.parse(new TextDecoder().decode(plain)) as Record<
          string,
          string
        >
      } catch (error) {
        if (error instanceof VaultError) throw error
        throw new VaultError(
          'The stored credentials cannot be opened with this SECRETS_KEY; ' +
            'it changed since they were saved, so enter them again',
        )
      }
    },
  }
}

async function importKey(base64: string): Promise<CryptoKey> {
  let raw: Uint8Array
  try {
    raw = fromBase64(base64)
  } catch {
    throw new VaultError('SECRETS_KEY is not base64')
  }
  if (raw.length !== 32) {
    throw new VaultError('SECRETS_KEY must be 32 bytes, base64-encoded')
  }
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ])
}

const encode = (text: string) => new TextEncoder().encode(text)

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0))
}
