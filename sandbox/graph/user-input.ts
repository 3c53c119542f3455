// Validation of create-user and update-user bodies. Everything is checked
// before anything is written, so a rejected request leaves no trace.
import {
  USER_NAVIGATION_PROPERTIES,
  USER_PROPERTIES,
  type PropKind,
  type PropValue,
} from './model'
import type { Directory } from './state'

export interface UserChanges {
  props: Record<string, PropValue>
  password?: string
  forceChangePasswordNextSignIn?: boolean
}

export type InputResult =
  | { ok: true; changes: UserChanges }
  | { ok: false; code: 'BadRequest' | 'Request_BadRequest'; message: string }

/** Required in practice on create (the OpenAPI schema marks none). */
const REQUIRED_ON_CREATE = [
  'accountEnabled',
  'displayName',
  'mailNickname',
  'userPrincipalName',
]

const PASSWORD_PROFILE_KEYS: Record<string, PropKind> = {
  password: 'string',
  forceChangePasswordNextSignIn: 'boolean',
  forceChangePasswordNextSignInWithMfa: 'boolean',
}

const MAIL_NICKNAME = /^[A-Za-z0-9!#$%&'*+\-./=?^_`{|}~]+$/

const invalidValue = (name: string): InputResult => ({
  ok: false,
  code: 'Request_BadRequest',
  message: `Invalid value specified for property '${name}' of resource 'User'.`,
})

const noSuchProperty = (name: string, type: string): InputResult => ({
  ok: false,
  code: 'BadRequest',
  message:
    `Property '${name}' does not exist on type '${type}'. Make sure to only ` +
    'use property names that are defined by the type or mark the type as ' +
    'open type.',
})

function literal(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The OData reader's complaint for a value of the wrong JSON type. */
function typeProblem(
  name: string,
  kind: PropKind,
  value: unknown,
): string | undefined {
  if (kind === 'strings') {
    if (value === null) {
      return (
        `A null value was found for the property named '${name}', which ` +
        "has the expected type 'Collection(Edm.String)[Nullable=False]'."
      )
    }
    const ok = Array.isArray(value) && value.every((v) => typeof v === 'string')
    return ok
      ? undefined
      : `Cannot convert the literal '${literal(value)}' to the expected ` +
          "type 'Collection(Edm.String)'."
  }
  if (value === null) return undefined
  const edm = kind === 'boolean' ? 'Edm.Boolean' : 'Edm.String'
  const ok =
    kind === 'boolean' ? typeof value === 'boolean' : typeof value === 'string'
  return ok
    ? undefined
    : `Cannot convert the literal '${literal(value)}' to the expected ` +
        `type '${edm}'.`
}

/** Entra ID's default policy: 8-256 characters, 3 of 4 character classes. */
export function isStrongPassword(password: string): boolean {
  if (password.length < 8 || password.length > 256) return false
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/]
  return classes.filter((re) => re.test(password)).length >= 3
}

function readPasswordProfile(
  value: unknown,
  changes: UserChanges,
): InputResult | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return invalidValue('passwordProfile')
  }
  for (const [key, inner] of Object.entries(value)) {
    const kind = PASSWORD_PROFILE_KEYS[key]
    if (!kind) return noSuchProperty(key, 'microsoft.graph.passwordProfile')
    const problem = typeProblem(key, kind, inner)
    if (problem) return { ok: false, code: 'BadRequest', message: problem }
  }
  const profile = value as Record<string, unknown>
  if (typeof profile.password === 'string') changes.password = profile.password
  if (typeof profile.forceChangePasswordNextSignIn === 'boolean') {
    changes.forceChangePasswordNextSignIn =
      profile.forceChangePasswordNextSignIn
  }
  return undefined
}

function readProperties(body: Record<string, unknown>): InputResult {
  const changes: UserChanges = { props: {} }
  for (const [name, value] of Object.entries(body)) {
    // Clients may tag the payload with its type; Graph accepts that.
    if (name === '@odata.type') continue
    if (name === 'passwordProfile') {
      const problem = readPasswordProfile(value, changes)
      if (problem) return problem
      continue
    }
    if (USER_NAVIGATION_PROPERTIES.includes(name)) {
      // Relationships are set through their own $ref endpoints in Graph
      // (e.g. PUT /users/{id}/manager/$ref); a PATCH cannot carry them.
      return {
        ok: false,
        code: 'Request_BadRequest',
        message:
          `Property '${name}' is a navigation property and cannot be ` +
          `written through this request; use /users/{id}/${name}/$ref.`,
      }
    }
    const info = USER_PROPERTIES[name]
    if (!info) return noSuchProperty(name, 'microsoft.graph.user')
    if (info.readOnly) {
      return {
        ok: false,
        code: 'Request_BadRequest',
        message: `Property '${name}' is read-only and cannot be set.`,
      }
    }
    const problem = typeProblem(name, info.kind, value)
    if (problem) return { ok: false, code: 'BadRequest', message: problem }
    changes.props[name] = value as PropValue
  }
  return { ok: true, changes }
}

/** Checks values against directory rules (format, domain, uniqueness). */
function checkValues(
  changes: UserChanges,
  directory: Directory,
  selfId: string | undefined,
): InputResult | undefined {
  const { props } = changes
  for (const name of REQUIRED_ON_CREATE) {
    if (name in props && (props[name] === null || props[name] === '')) {
      return invalidValue(name)
    }
  }
  const nickname = props.mailNickname
  // Exchange aliases: printable ASCII without spaces or @()\[]";:<>,
  if (typeof nickname === 'string' && !MAIL_NICKNAME.test(nickname)) {
    return invalidValue('mailNickname')
  }
  const usage = props.usageLocation
  if (typeof usage === 'string' && !/^[A-Z]{2}$/.test(usage)) {
    return invalidValue('usageLocation')
  }
  const upn = props.userPrincipalName
  if (typeof upn === 'string') {
    const at = upn.lastIndexOf('@')
    const local = upn.slice(0, at)
    if (at <= 0 || /[\s@]/.test(local) || local.startsWith('.')) {
      return invalidValue('userPrincipalName')
    }
    const domain = upn.slice(at + 1).toLowerCase()
    if (!directory.tenant.domains.includes(domain)) {
      return {
        ok: false,
        code: 'Request_BadRequest',
        message:
          'The domain portion of the userPrincipalName property is invalid. ' +
          'You must use one of the verified domain names in your organization.',
      }
    }
    const holder = directory.findUserByUpn(upn)
    if (holder && holder.id !== selfId) {
      return {
        ok: false,
        code: 'Request_BadRequest',
        message:
          'Another object with the same value for property ' +
          'userPrincipalName already exists.',
      }
    }
  }
  if (changes.password !== undefined && !isStrongPassword(changes.password)) {
    return {
      ok: false,
      code: 'Request_BadRequest',
      message:
        'The specified password does not comply with password complexity ' +
        'requirements. Please provide a different password.',
    }
  }
  return undefined
}

export function readCreateUser(
  body: Record<string, unknown>,
  directory: Directory,
): InputResult {
  const read = readProperties(body)
  if (!read.ok) return read
  const { changes } = read
  for (const name of REQUIRED_ON_CREATE) {
    if (!(name in changes.props)) return invalidValue(name)
  }
  if (changes.password === undefined) return invalidValue('passwordProfile')
  return checkValues(changes, directory, undefined) ?? read
}

export function readUpdateUser(
  body: Record<string, unknown>,
  directory: Directory,
  selfId: string,
): InputResult {
  const read = readProperties(body)
  if (!read.ok) return read
  return checkValues(read.changes, directory, selfId) ?? read
}
