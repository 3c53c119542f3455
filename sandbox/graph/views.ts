// How directory records are rendered: the default property set unless the
// request names properties with $select.
import {
  defaultSetOf,
  GROUP_PROPERTIES,
  USER_PROPERTIES,
  type GroupRecord,
  type UserRecord,
} from './model'

/**
 * passwordProfile can be selected (Graph allows it) but is write-only and
 * always reads as null, so the password can never leak out of the sandbox.
 */
export const USER_SELECTABLE = [
  ...Object.keys(USER_PROPERTIES),
  'passwordProfile',
]
export const USER_DEFAULT_SET = defaultSetOf(USER_PROPERTIES)
export const GROUP_SELECTABLE = Object.keys(GROUP_PROPERTIES)
export const GROUP_DEFAULT_SET = defaultSetOf(GROUP_PROPERTIES)

function pick(
  id: string,
  props: Record<string, unknown>,
  fields: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const name of fields) {
    const value = name === 'id' ? id : props[name]
    out[name] = Array.isArray(value) ? [...value] : (value ?? null)
  }
  return out
}

export function userView(
  user: UserRecord,
  select: string[] | undefined,
): Record<string, unknown> {
  return pick(user.id, user.props, select ?? USER_DEFAULT_SET)
}

export function groupView(
  group: GroupRecord,
  select: string[] | undefined,
): Record<string, unknown> {
  return pick(group.id, group.props, select ?? GROUP_DEFAULT_SET)
}
