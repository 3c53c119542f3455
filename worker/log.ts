/**
 * Structured, quiet logging: one JSON line per event, with fields. Errors
 * are reduced to name and message; callers never pass secrets here.
 */
type Fields = Record<string, unknown>

function write(level: 'info' | 'warn' | 'error', message: string, f: Fields) {
  const fields: Fields = {}
  for (const [key, value] of Object.entries(f)) {
    fields[key] =
      value instanceof Error
        ? { name: value.name, message: value.message }
        : value
  }
  const line = JSON.stringify({ level, message, ...fields })
  if (level === 'error') console.error(line)
  else if (level === 'warn') console.warn(line)
  else console.log(line)
}

export const log = {
  info: (message: string, fields: Fields = {}) =>
    write('info', message, fields),
  warn: (message: string, fields: Fields = {}) =>
    write('warn', message, fields),
  error: (message: string, fields: Fields = {}) =>
    write('error', message, fields),
}
