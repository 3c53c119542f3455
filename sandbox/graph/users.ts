// /v1.0/users routes: read by id or UPN, create, update, delete, memberOf.
import type { Hono } from 'hono'
import { randomUUID } from 'node:crypto'
import { USER_PROPERTIES, type PropValue, type UserRecord } from './model'
import {
  graphError,
  graphJson,
  odataBadRequest,
  readJsonObject,
  resourceNotFound,
  UNREADABLE_JSON,
  type GraphContext,
  type GraphEnv,
} from './errors'
import { contextUrl, parseSelect } from './odata'
import { readCreateUser, readUpdateUser, type InputResult } from './user-input'
import { GROUP_SELECTABLE, groupView, USER_SELECTABLE, userView } from './views'

function selectFor(c: GraphContext, known: string[], typeName: string) {
  return parseSelect(c.req.query('$select'), known, typeName)
}

function rejectInput(c: GraphContext, failure: InputResult): Response {
  if (failure.ok) throw new Error('rejectInput called with a success')
  return graphError(c, 400, failure.code, failure.message)
}

function newUserRecord(
  changes: Extract<InputResult, { ok: true }>['changes'],
): UserRecord {
  const props: Record<string, PropValue> = {}
  for (const [name, info] of Object.entries(USER_PROPERTIES)) {
    if (name !== 'id') props[name] = info.kind === 'strings' ? [] : null
  }
  Object.assign(props, changes.props)
  props.createdDateTime = new Date().toISOString().slice(0, 19) + 'Z'
  props.userType ??= 'Member'
  return {
    id: randomUUID(),
    props,
    password: changes.password ?? '',
    forceChangePasswordNextSignIn:
      changes.forceChangePasswordNextSignIn ?? true,
  }
}

export function registerUserRoutes(app: Hono<GraphEnv>): void {
  app.get('/v1.0/users', (c) => {
    if (c.req.query('$filter') !== undefined) {
      return graphError(
        c,
        400,
        'Request_UnsupportedQuery',
        'Unsupported Query.',
      )
    }
    const select = selectFor(c, USER_SELECTABLE, 'microsoft.graph.user')
    if (!select.ok) return odataBadRequest(c, select.message)
    const users = [...c.get('directory').users.values()]
    return graphJson(c, {
      '@odata.context': contextUrl('users', select.fields, false),
      value: users.map((u) => userView(u, select.fields)),
    })
  })

  app.post('/v1.0/users', async (c) => {
    const directory = c.get('directory')
    const body = await readJsonObject(c)
    if (!body) return odataBadRequest(c, UNREADABLE_JSON)
    const input = readCreateUser(body, directory)
    if (!input.ok) return rejectInput(c, input)
    const user = newUserRecord(input.changes)
    directory.users.set(user.id, user)
    // Graph points Location at the directory's internal v2 address.
    c.header(
      'location',
      `https://graph.microsoft.com/v2/${directory.tenant.tenantId}` +
        `/directoryObjects/${user.id}/Microsoft.DirectoryServices.User`,
    )
    return graphJson(
      c,
      {
        '@odata.context': contextUrl('users', undefined, true),
        ...userView(user, undefined),
      },
      201,
    )
  })

  app.get('/v1.0/users/:id', (c) => {
    const key = c.req.param('id')
    const user = c.get('directory').findUser(key)
    if (!user) return resourceNotFound(c, key)
    const select = selectFor(c, USER_SELECTABLE, 'microsoft.graph.user')
    if (!select.ok) return odataBadRequest(c, select.message)
    return graphJson(c, {
      '@odata.context': contextUrl('users', select.fields, true),
      ...userView(user, select.fields),
    })
  })

  app.patch('/v1.0/users/:id', async (c) => {
    const directory = c.get('directory')
    const key = c.req.param('id')
    const user = directory.findUser(key)
    if (!user) return resourceNotFound(c, key)
    const body = await readJsonObject(c)
    if (!body) return odataBadRequest(c, UNREADABLE_JSON)
    const input = readUpdateUser(body, directory, user.id)
    if (!input.ok) return rejectInput(c, input)
    const { changes } = input
    Object.assign(user.props, changes.props)
    if (changes.password !== undefined) user.password = changes.password
    if (changes.forceChangePasswordNextSignIn !== undefined) {
      user.forceChangePasswordNextSignIn = changes.forceChangePasswordNextSignIn
    }
    return c.body(null, 204)
  })

  app.delete('/v1.0/users/:id', (c) => {
    const directory = c.get('directory')
    const key = c.req.param('id')
    const user = directory.findUser(key)
    if (!user) return resourceNotFound(c, key)
    directory.removeUser(user.id)
    return c.body(null, 204)
  })

  app.get('/v1.0/users/:id/memberOf', (c) => {
    const directory = c.get('directory')
    const key = c.req.param('id')
    const user = directory.findUser(key)
    if (!user) return resourceNotFound(c, key)
    const select = selectFor(c, GROUP_SELECTABLE, 'microsoft.graph.group')
    if (!select.ok) return odataBadRequest(c, select.message)
    return graphJson(c, {
      '@odata.context': contextUrl('directoryObjects', select.fields, false),
      value: directory.groupsOf(user.id).map((g) => ({
        '@odata.type': '#microsoft.graph.group',
        ...groupView(g, select.fields),
      })),
    })
  })
}
