// Contract validator for the Microsoft Graph subset in sandbox/specs. Tests
// check every request the connectors send and every answer the sandbox gives
// against Microsoft's own generated description, corrected only where that
// description is known to differ from the live service (each case below says
// why).
import { readFileSync } from 'node:fs'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { parse } from 'yaml'

const SPEC_URL = new URL(
  '../../sandbox/specs/v1.0-users-groups-subset.yaml',
  import.meta.url,
)
const SPEC_ID = 'graph'

type JsonObject = Record<string, unknown>

/**
 * Two corrections to how the generator (this 2023 OpenAPI.NET version)
 * expresses OData, applied to the whole document:
 *
 * 1. It writes `additionalProperties: {type: object}` on every schema to mean
 *    "open type: extra properties allowed". As JSON Schema it would demand
 *    that each undeclared property be an object; with allOf splitting a user
 *    across entity/directoryObject/user, even `displayName: "x"` would fail.
 *    Read as intended: any extra property is allowed.
 * 2. A single-valued property typed by a bare `$ref` (passwordProfile,
 *    signInActivity, manager, ...) is nullable in the CSDL, and Graph does
 *    send null (passwordProfile always reads as null), but this generator
 *    version drops the nullability. Allow null for those.
 */
function isGeneratedOpenType(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    Object.keys(value).length === 1 &&
    (value as JsonObject).type === 'object'
  )
}

function isBareRef(value: unknown): value is { $ref: string } {
  return (
    value !== null &&
    typeof value === 'object' &&
    Object.keys(value).length === 1 &&
    typeof (value as JsonObject).$ref === 'string'
  )
}

function correctGenerated(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(correctGenerated)
  if (!node || typeof node !== 'object') return node
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && isGeneratedOpenType(value)) {
      out[key] = true
    } else if (key === 'properties' && value && typeof value === 'object') {
      const props: JsonObject = {}
      for (const [name, schema] of Object.entries(value)) {
        props[name] = isBareRef(schema)
          ? { anyOf: [schema, { type: 'null' }] }
          : correctGenerated(schema)
      }
      out[key] = props
    } else {
      out[key] = correctGenerated(value)
    }
  }
  return out
}

const spec = correctGenerated(
  parse(readFileSync(SPEC_URL, 'utf8')),
) as JsonObject

const ajv = new Ajv({ strict: false, allErrors: true })
// The formats the subset uses; ajv knows none of them without a plugin.
ajv.addFormat(
  'date-time',
  /^\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,12})?(Z|[+-]\d\d:\d\d)$/i,
)
ajv.addFormat('time', /^\d\d:\d\d:\d\d(\.\d{1,12})?$/)
ajv.addFormat('uuid', /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i)
ajv.addFormat('int32', {
  type: 'number',
  validate: (n: number) =>
    Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
})
ajv.addSchema(spec, SPEC_ID)

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`

/**
 * The generated description says only "2XX". These are the statuses Graph
 * really sends (Microsoft Learn, per operation); `body: false` means the
 * answer has no body, even where the description shows one (PATCH).
 */
const REAL_SUCCESS: Record<string, { status: number; body: boolean }> = {
  'POST /users': { status: 201, body: true },
  'PATCH /users/{user-id}': { status: 204, body: false },
  'DELETE /users/{user-id}': { status: 204, body: false },
  'POST /groups/{group-id}/members/$ref': { status: 204, body: false },
  'DELETE /groups/{group-id}/members/{directoryObject-id}/$ref': {
    status: 204,
    body: false,
  },
}

/**
 * Request properties Graph requires in practice that the schema leaves
 * optional: the create-user documentation lists these as required, and a
 * member reference without @odata.id cannot name anyone.
 */
const REQUEST_REQUIREMENTS: Record<string, JsonObject> = {
  'POST /users': {
    required: [
      'accountEnabled',
      'displayName',
      'mailNickname',
      'userPrincipalName',
      'passwordProfile',
    ],
    properties: { passwordProfile: { required: ['password'] } },
  },
  'POST /groups/{group-id}/members/$ref': { required: ['@odata.id'] },
}

const directoryObjectCollection = {
  type: 'object',
  required: ['value'],
  properties: {
    value: {
      type: 'array',
      items: {
        $ref: `${SPEC_ID}#/components/schemas/microsoft.graph.directoryObject`,
      },
    },
    '@odata.nextLink': { type: 'string' },
  },
}

/**
 * Read-only operations the connectors use that the subset does not contain
 * (Learn: group-list-members, user-list-memberof). Both return a
 * directoryObject collection, whose item schema is in the subset.
 */
const SUPPLEMENT: Record<string, JsonObject> = {
  'GET /groups/{group-id}/members': directoryObjectCollection,
  'GET /users/{user-id}/memberOf': directoryObjectCollection,
}

function escapePointer(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))
}

function resolveLocal(pointer: string): unknown {
  let node: unknown = spec
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    node = (node as JsonObject | undefined)?.[part]
  }
  return node
}

/** Follows a Response/RequestBody $ref, keeping track of where it lands. */
function follow(pointer: string): { pointer: string; node: JsonObject } {
  const node = resolveLocal(pointer) as JsonObject | undefined
  const ref = node?.$ref
  if (typeof ref === 'string') {
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .map((s) => escapePointer(s.replace(/~1/g, '/').replace(/~0/g, '~')))
      .join('/')
    return follow(`#/${target}`)
  }
  return { pointer, node: node ?? {} }
}

const compiled = new Map<string, ValidateFunction>()
function compile(schema: JsonObject): ValidateFunction {
  const cacheKey = JSON.stringify(schema)
  let validate = compiled.get(cacheKey)
  if (!validate) {
    validate = ajv.compile(schema)
    compiled.set(cacheKey, validate)
  }
  return validate
}

function jsonSchemaAt(location: string): JsonObject | undefined {
  const { pointer, node } = follow(location)
  const content = node.content as JsonObject | undefined
  if (!content?.['application/json']) return undefined
  return { $ref: `${SPEC_ID}${pointer}/content/application~1json/schema` }
}

function describe(errors: ErrorObject[] | null | undefined, label: string) {
  return (errors ?? []).map((e) => {
    const allowed =
      e.keyword === 'enum' ? ` ${JSON.stringify(e.params.allowedValues)}` : ''
    return `${label}${e.instancePath} ${e.message ?? e.keyword}${allowed}`
  })
}

function operationPointer(method: string, path: string): string | undefined {
  const item = (spec.paths as JsonObject)[path] as JsonObject | undefined
  if (!item?.[method.toLowerCase()]) return undefined
  return `#/paths/${escapePointer(path)}/${method.toLowerCase()}`
}

const isEmptyBody = (body: unknown) =>
  body === undefined || body === null || body === ''

/**
 * Problems with a request the client sends for `method pathTemplate`
 * (template as in the spec, e.g. /users/{user-id}). Empty means valid.
 */
export function validateGraphRequest(
  method: string,
  pathTemplate: string,
  body: unknown,
): string[] {
  const id = key(method, pathTemplate)
  if (SUPPLEMENT[id]) {
    return isEmptyBody(body) ? [] : [`${id} takes no request body`]
  }
  const op = operationPointer(method, pathTemplate)
  if (!op) return [`${id} is not an operation of the Graph subset`]
  const bodyPointer = `${op}/requestBody`
  if (!resolveLocal(bodyPointer)) {
    return isEmptyBody(body) ? [] : [`${id} takes no request body`]
  }
  if (isEmptyBody(body)) return [`${id} needs a request body`]
  const schema = jsonSchemaAt(bodyPointer)
  if (!schema) return [`${id} has no JSON request body in the spec`]
  const extra = REQUEST_REQUIREMENTS[id]
  const validate = compile(extra ? { allOf: [schema, extra] } : schema)
  return validate(body) ? [] : describe(validate.errors, 'request body')
}

/**
 * Problems with an answer to `method pathTemplate`: the status must be what
 * Graph really sends, and the body must match the spec (or be absent for
 * 204). Errors (4xx/5xx) must be ODataError bodies.
 */
export function validateGraphResponse(
  method: string,
  pathTemplate: string,
  status: number,
  body: unknown,
): string[] {
  const id = key(method, pathTemplate)
  const supplement = SUPPLEMENT[id]
  const op = operationPointer(method, pathTemplate)
  if (!op && !supplement) {
    return [`${id} is not an operation of the Graph subset`]
  }
  if (status < 200 || status >= 300) {
    // The supplement operations share the error schema of the whole API.
    const errorAt = op
      ? `${op}/responses/default`
      : '#/components/responses/error'
    const schema = jsonSchemaAt(errorAt)
    if (!schema) return [`${id} declares no error body`]
    const validate = compile(schema)
    return validate(body) ? [] : describe(validate.errors, `${status} body`)
  }
  const real = REAL_SUCCESS[id] ?? { status: 200, body: true }
  if (status !== real.status) {
    return [`${id} answers ${real.status} in Graph, got ${status}`]
  }
  if (!real.body) {
    return isEmptyBody(body) ? [] : [`${id} answers ${status} with no body`]
  }
  const schema = supplement ?? jsonSchemaAt(`${op}/responses/2XX`)
  if (!schema) return [`${id} declares no success body`]
  const validate = compile(schema)
  return validate(body) ? [] : describe(validate.errors, `${status} body`)
}
