// The slice of OData query handling the sandbox supports: $select on the
// modelled properties and the one $filter form connectors use for groups.

export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0'

export type SelectResult =
  { ok: true; fields: string[] | undefined } | { ok: false; message: string }

/**
 * Parses $select against a property catalogue. Graph matches property names
 * case-insensitively and answers with their canonical spelling.
 */
export function parseSelect(
  raw: string | undefined,
  known: string[],
  typeName: string,
): SelectResult {
  if (raw === undefined || raw.trim() === '') {
    return { ok: true, fields: undefined }
  }
  const fields: string[] = []
  for (const part of raw.split(',')) {
    const name = part.trim()
    const canonical = known.find((k) => k.toLowerCase() === name.toLowerCase())
    if (!canonical) {
      return {
        ok: false,
        message:
          `Could not find a property named '${name}' on type ` +
          `'${typeName}'.`,
      }
    }
    if (!fields.includes(canonical)) fields.push(canonical)
  }
  return { ok: true, fields }
}

/** The @odata.context Graph puts on entity and collection responses. */
export function contextUrl(
  entitySet: string,
  select: string[] | undefined,
  entity: boolean,
): string {
  const selected = select ? `(${select.join(',')})` : ''
  const suffix = entity ? '/$entity' : ''
  return `${GRAPH_ROOT}/$metadata#${entitySet}${selected}${suffix}`
}

/**
 * Reads `displayName eq 'X'` (whitespace-tolerant, quotes doubled inside the
 * literal). Anything else returns undefined: the sandbox does not pretend to
 * evaluate filters it cannot, it answers Request_UnsupportedQuery instead.
 */
export function parseDisplayNameFilter(raw: string): string | undefined {
  const match = /^\s*displayName\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(raw)
  return match ? (match[1] ?? '').replace(/''/g, "'") : undefined
}
