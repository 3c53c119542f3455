// /v1.0/groups routes: lookup by name, read, list members, add and remove
// members through the members/$ref navigation.
import type { Hono } from 'hono'
import type { GroupRecord } from './model'
import {
  directoryBadRequest,
  graphError,
  graphJson,
  odataBadRequest,
  readJsonObject,
  resourceNotFound,
  UNREADABLE_JSON,
  type GraphContext,
  type GraphEnv,
} from './errors'
import { contextUrl, parseDisplayNameFilter, parseSelect } from './odata'
import { isGuid } from './state'
import { GROUP_SELECTABLE, groupView, USER_SELECTABLE, userView } from './views'

/**
 * The member reference must be a Graph URL naming the object; Graph accepts
 * the generic directoryObjects form and the typed users form.
 */
const MEMBER_REF = new RegExp(
  '^https://graph\\.microsoft\\.com/(?:v1\\.0|beta)/' +
    '(?:directoryObjects|users)/([^/?#]+)$',
  'i',
)

/** Resolves the {group-id} segment; groups are addressed by object id only. */
function loadGroup(c: GraphContext): GroupRecord | Response {
  const key = c.req.param('id') ?? ''
  if (!isGuid(key)) {
    return directoryBadRequest(c, `Invalid object identifier '${key}'.`)
  }
  return c.get('directory').findGroup(key) ?? resourceNotFound(c, key)
}

export function registerGroupRoutes(app: Hono<GraphEnv>): void {
  app.get('/v1.0/groups', (c) => {
    const select = parseSelect(
      c.req.query('$select'),
      GROUP_SELECTABLE,
      'microsoft.graph.group',
    )
    if (!select.ok) return odataBadRequest(c, select.message)
    let groups = [...c.get('directory').groups.values()]
    const filter = c.req.query('$filter')
    if (filter !== undefined) {
      const name = parseDisplayNameFilter(filter)
      if (name === undefined) {
        return graphError(
          c,
          400,
          'Request_UnsupportedQuery',
          'Unsupported Query.',
        )
      }
      // Directory string comparisons ignore case.
      const wanted = name.toLowerCase()
      groups = groups.filter(
        (g) => String(g.props.displayName).toLowerCase() === wanted,
      )
    }
    return graphJson(c, {
      '@odata.context': contextUrl('groups', select.fields, false),
      value: groups.map((g) => groupView(g, select.fields)),
    })
  })

  app.get('/v1.0/groups/:id', (c) => {
    const group = loadGroup(c)
    if (group instanceof Response) return group
    const select = parseSelect(
      c.req.query('$select'),
      GROUP_SELECTABLE,
      'microsoft.graph.group',
    )
    if (!select.ok) return odataBadRequest(c, select.message)
    return graphJson(c, {
      '@odata.context': contextUrl('groups', select.fields, true),
      ...groupView(group, select.fields),
    })
  })

  app.get('/v1.0/groups/:id/members', (c) => {
    const group = loadGroup(c)
    if (group instanceof Response) return group
    const select = parseSelect(
      c.req.query('$select'),
      USER_SELECTABLE,
      'microsoft.graph.user',
    )
    if (!select.ok) return odataBadRequest(c, select.message)
    const directory = c.get('directory')
    const members = group.members.flatMap((id) => {
      const user = directory.users.get(id)
      return user ? [user] : []
    })
    return graphJson(c, {
      '@odata.context': contextUrl('directoryObjects', select.fields, false),
      value: members.map((u) => ({
        '@odata.type': '#microsoft.graph.user',
        ...userView(u, select.fields),
      })),
    })
  })

  app.post('/v1.0/groups/:id/members/$ref', async (c) => {
    const group = loadGroup(c)
    if (group instanceof Response) return group
    const body = await readJsonObject(c)
    if (!body) return odataBadRequest(c, UNREADABLE_JSON)
    const ref = body['@odata.id']
    if (typeof ref !== 'string') {
      return odataBadRequest(
        c,
        "The request body must contain an '@odata.id' property.",
      )
    }
    const match = MEMBER_REF.exec(ref)
    if (!match) {
      return directoryBadRequest(
        c,
        'Invalid URL format specified in @odata.id for members.',
      )
    }
    const memberId = (match[1] ?? '').toLowerCase()
    const user = c.get('directory').users.get(memberId)
    if (!user) return resourceNotFound(c, memberId)
    if (group.members.includes(user.id)) {
      return directoryBadRequest(
        c,
        'One or more added object references already exist for the ' +
          "following modified properties: 'members'.",
      )
    }
    group.members.push(user.id)
    return c.body(null, 204)
  })

  app.delete('/v1.0/groups/:id/members/:memberId/$ref', (c) => {
    const group = loadGroup(c)
    if (group instanceof Response) return group
    const memberId = c.req.param('memberId')
    const wanted = memberId.toLowerCase()
    if (!group.members.includes(wanted)) return resourceNotFound(c, memberId)
    group.members = group.members.filter((id) => id !== wanted)
    return c.body(null, 204)
  })
}
