const LOWER = 'abcdefghijkmnopqrstuvwxyz'
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '23456789'
const SYMBOLS = '!#$%*+-=?@'
const ALL = LOWER + UPPER + DIGITS + SYMBOLS

/**
 * A 20-character temporary password with every character class Entra ID's
 * complexity rule asks for, from the platform's cryptographic generator.
 */
export function generatePassword(length = 20): string {
  const random = crypto.getRandomValues(new Uint32Array(length))
  const pickFrom = (set: string, i: number) => set[random[i]! % set.length]!
  const chars = [LOWER, UPPER, DIGITS, SYMBOLS].map((set, i) =>
    pickFrom(set, i),
  )
  for (let i = chars.length; i < length; i++) chars.push(pickFrom(ALL, i))
  // Shuffle so the required classes are not always at the start.
  const order = crypto.getRandomValues(new Uint32Array(length))
  for (let i = length - 1; i > 0; i--) {
    const j = order[i]! % (i + 1)
    ;[chars[i], chars[j]] = [chars[j]!, chars[i]!]
  }
  return chars.join('')
}
