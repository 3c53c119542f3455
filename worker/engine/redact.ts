const MASK = '[redacted]'

/**
 * Builds a function that removes secrets from anything about to be
 * logged or returned: the secret as is, URL-encoded, form-encoded and in
 * base64, inside every string of a nested value.
 */
export function createRedactor(secrets: Iterable<string>): <T>(value: T) => T {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (secret.length < 4) continue
    forms.add(secret)
    forms.add(encodeURIComponent(secret))
    forms.add(new URLSearchParams({ s: secret }).toString().slice(2))
    forms.add(toBase64(secret))
  }
  // Longest first, so a secret that contains another is masked whole.
  const patterns = [...forms].sort((a, b) => b.length - a.length)
  if (patterns.length === 0) return (value) => value

  const redactText = (text: string): string => {
    let out = text
    for (const pattern of patterns) {
      if (out.includes(pattern)) out = out.split(pattern).join(MASK)
    }
    return out
  }
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redactText(value)
    if (Array.isArray(value)) return value.map(walk)
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, walk(item)]),
      )
    }
    return value
  }
  return <T>(value: T) => walk(value) as T
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}
