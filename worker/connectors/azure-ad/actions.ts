import type { ActionHandler, ActionOutcome } from '../types'
import type { ApiResponse } from '../http'
import {
  directoryObjectUrl,
  graphCall,
  graphErrorText,
  odataString,
} from './graph'
import { generatePassword } from './password'

const USER_FIELDS = [
  'id',
  'userPrincipalName',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'jobTitle',
  'department',
  'accountEnabled',
  'usageLocation',
] as const

const GROUP_FIELDS = ['id', 'displayName', 'description', 'mail'] as const

function pick(
  body: unknown,
  fields: readonly string[],
): Record<string, unknown> {
  const record = (body ?? {}) as Record<string, unknown>
  return Object.fromEntries(fields.map((f) => [f, record[f] ?? null]))
}

function definedOnly(body: unknown): Record<string, unknown> {
  const record = (body ?? {}) as Record<string, unknown>
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value != null),
  )
}

/** An app error answer: the status and Graph's own words. */
function answered(response: ApiResponse, what: string): ActionOutcome {
  return {
    statusCode: response.status,
    message: `${what}: ${graphErrorText(response)}`,
    output: {},
  }
}

const getUser: ActionHandler = async ({ configuration, inputs }) => {
  const username = String(inputs.username)
  const response = await graphCall(
    configuration,
    'GET',
    `users/${encodeURIComponent(username)}?$select=${USER_FIELDS.join(',')}`,
  )
  if (response.status === 404) {
    return {
      statusCode: 404,
      message: `User "${username}" does not exist in Azure AD`,
      output: {},
    }
  }
  if (response.status !== 200) return answered(response, 'Get user failed')
  const user = pick(response.body, USER_FIELDS)
  return {
    statusCode: 200,
    message: `Found user ${String(user.displayName)}`,
    output: user,
  }
}

const createUser: ActionHandler = async ({ configuration, inputs }) => {
  const upn = String(inputs.userPrincipalName)
  const optional = ['givenName', 'surname', 'jobTitle', 'department']
  const body: Record<string, unknown> = {
    accountEnabled: true,
    displayName: inputs.displayName,
    mailNickname: inputs.mailNickname ?? mailNickname(upn),
    userPrincipalName: upn,
    passwordProfile: {
      password: inputs.password ?? generatePassword(),
      forceChangePasswordNextSignIn: true,
    },
  }
  for (const name of [...optional, 'usageLocation']) {
    if (inputs[name] !== undefined) body[name] = inputs[name]
  }
  const response = await graphCall(configuration, 'POST', 'users', body)
  if (response.status !== 201) {
    return answered(response, `Could not create user "${upn}"`)
  }
  // Graph answers with its default property set, which leaves out some
  // fields just written (department, usageLocation); those are known.
  const { passwordProfile: _, ...written } = body
  return {
    statusCode: 201,
    message: `Created user ${upn}`,
    output: pick({ ...written, ...definedOnly(response.body) }, USER_FIELDS),
  }
}

/** Graph's rule: letters and digits of the name before the @. */
function mailNickname(upn: string): string {
  return upn.split('@')[0]!.replace(/[^A-Za-z0-9._-]/g, '') || 'user'
}

const findGroup: ActionHandler = async ({ configuration, inputs }) => {
  const name = String(inputs.displayName)
  const filter = encodeURIComponent(`displayName eq ${odataString(name)}`)
  const response = await graphCall(
    configuration,
    'GET',
    `groups?$filter=${filter}&$select=${GROUP_FIELDS.join(',')}`,
  )
  if (response.status !== 200) {
    return answered(response, `Could not look up group "${name}"`)
  }
  const groups = ((response.body as { value?: unknown[] })?.value ??
    []) as unknown[]
  if (groups.length !== 1) {
    return {
      statusCode: 200,
      appError: true,
      message:
        groups.length === 0
          ? `No group is named "${name}"`
          : `${groups.length} groups are named "${name}"; rename one`,
      output: { count: groups.length },
    }
  }
  return {
    statusCode: 200,
    message: `Found group ${name}`,
    output: pick(groups[0], GROUP_FIELDS),
  }
}

const addGroupMember: ActionHandler = async ({ configuration, inputs }) => {
  const groupId = String(inputs.groupId)
  const userId = String(inputs.userId)
  const response = await graphCall(
    configuration,
    'POST',
    `groups/${encodeURIComponent(groupId)}/members/$ref`,
    { '@odata.id': directoryObjectUrl(configuration, userId) },
  )
  if (response.status !== 204) {
    return answered(response, 'Could not add the user to the group')
  }
  return {
    statusCode: 204,
    message: `Added user ${userId} to group ${groupId}`,
    output: { groupId, userId },
  }
}

export const azureAdActions: Record<string, ActionHandler> = {
  get_user: getUser,
  create_user: createUser,
  find_group: findGroup,
  add_group_member: addGroupMember,
}
