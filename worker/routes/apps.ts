import { Hono } from 'hono'
import { z } from 'zod'
import { APPS, type AppSpec } from '../../shared/catalog'
import type { AppEnv } from '../app'
import {
  configurationIdsOf,
  createConfiguration,
  deleteConfiguration,
  installApp,
  isInstalled,
  listInstalled,
  loadConfiguration,
  saveConfiguration,
  uninstallApp,
  workflowsUsing,
  type Configuration,
} from '../db/configurations'
import { AppError, quote } from '../errors'
import { readBody } from '../intake/request'
import { createVault } from '../secrets/vault'
import {
  checkFields,
  checkRequired,
  freeId,
  slugify,
} from './configuration-fields'

export const appRoutes = new Hono<AppEnv>()

/** Configuration ids appear in workflow documents, so they are slugs. */
const ConfigurationId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'must be 1 to 64 of a-z, 0-9 and -, not starting with -',
  )

const Name = z.string().trim().min(1, 'must not be empty').max(100)
const Value = z.string().max(4000)

const CreateBody = z.object({
  id: ConfigurationId.optional(),
  name: Name,
  settings: z.record(z.string(), Value).default({}),
  secrets: z.record(z.string(), Value.min(1, 'must not be empty')).default({}),
})

/** null removes a value; a key left out keeps the stored one. */
const UpdateBody = z.object({
  id: ConfigurationId.optional(),
  name: Name.optional(),
  settings: z.record(z.string(), Value.nullable()).default({}),
  secrets: z
    .record(z.string(), Value.min(1, 'must not be empty').nullable())
    .default({}),
})

type SecretState = 'set' | 'not set'

/** What the API shows of a configuration: whether a secret is set, no more. */
function present(app: AppSpec, configuration: Configuration) {
  const secrets: Record<string, SecretState> = {}
  for (const field of app.configuration) {
    if (!field.secret) continue
    secrets[field.name] = configuration.secrets[field.name] ? 'set' : 'not set'
  }
  return {
    id: configuration.id,
    name: configuration.name,
    settings: configuration.settings,
    secrets,
  }
}

function findApp(id: string): AppSpec {
  const app = APPS.get(id)
  if (!app)
    throw new AppError('not_found', `No app ${quote(id)} in the catalog`)
  return app
}

function noConfiguration(app: AppSpec, id: string): AppError {
  return new AppError(
    'not_found',
    `${app.name} has no configuration ${quote(id)}`,
  )
}

function inUse(what: string, titles: string[]): AppError {
  const list = titles.map(quote).join(', ')
  const plural = titles.length === 1 ? 'workflow' : 'workflows'
  return new AppError(
    'in_use',
    `${what} is used by the ${plural} ${list}; remove those steps and ` +
      'publish first',
  )
}

/** Drops null values, the way an update removes them. */
function merge(
  stored: Record<string, string>,
  given: Record<string, string | null>,
): Record<string, string> {
  const merged = { ...stored }
  for (const [key, value] of Object.entries(given)) {
    if (value === null) delete merged[key]
    else merged[key] = value
  }
  return merged
}

/** The catalog with what is installed; secrets never leave the Worker. */
appRoutes.get('/', async (c) => {
  const installed = await listInstalled(c.env.DB)
  const items = [...APPS.values()].map((app) => ({
    ...app,
    installed: installed.has(app.id),
    configurations: installed.get(app.id) ?? [],
  }))
  return c.json({ items })
})

appRoutes.post('/:app/install', async (c) => {
  const app = findApp(c.req.param('app'))
  const added = await installApp(c.env.DB, app.id)
  return c.json({ id: app.id, installed: true }, added ? 201 : 200)
})

appRoutes.delete('/:app', async (c) => {
  const app = findApp(c.req.param('app'))
  if (!(await isInstalled(c.env.DB, app.id))) {
    throw new AppError('not_found', `${app.name} is not installed`)
  }
  const titles = await workflowsUsing(c.env.DB, app.id)
  if (titles.length > 0) throw inUse(app.name, titles)
  await uninstallApp(c.env.DB, app.id)
  return c.body(null, 204)
})

appRoutes.post('/:app/configurations', async (c) => {
  const app = findApp(c.req.param('app'))
  const body = await readBody(c.req.raw, CreateBody)
  checkFields(app, body.settings, body.secrets)
  checkRequired(app, body.settings)
  const id =
    body.id ??
    freeId(slugify(body.name), await configurationIdsOf(c.env.DB, app.id))
  const configuration: Configuration = {
    app: app.id,
    id,
    name: body.name,
    settings: body.settings,
    secrets: body.secrets,
  }
  const vault = createVault(c.env.SECRETS_KEY)
  if (!(await createConfiguration(c.env.DB, vault, configuration))) {
    throw new AppError(
      'conflict',
      `${app.name} already has a configuration ${quote(id)}; choose ` +
        'another id or change that one with PUT',
    )
  }
  return c.json(present(app, configuration), 201)
})

appRoutes.get('/:app/configurations/:id', async (c) => {
  const app = findApp(c.req.param('app'))
  const id = c.req.param('id')
  const vault = createVault(c.env.SECRETS_KEY)
  const configuration = await loadConfiguration(c.env.DB, vault, app.id, id)
  if (!configuration) throw noConfiguration(app, id)
  return c.json(present(app, configuration))
})

appRoutes.put('/:app/configurations/:id', async (c) => {
  const app = findApp(c.req.param('app'))
  const id = c.req.param('id')
  const body = await readBody(c.req.raw, UpdateBody)
  if (body.id !== undefined && body.id !== id) {
    // Workflows name the configuration by id; a new id would strand them.
    throw new AppError(
      'invalid_request',
      `A configuration's id cannot change (${quote(id)} to ${quote(body.id)})`,
    )
  }
  checkFields(app, body.settings, body.secrets)
  const vault = createVault(c.env.SECRETS_KEY)
  const stored = await loadConfiguration(c.env.DB, vault, app.id, id)
  if (!stored) throw noConfiguration(app, id)
  const configuration: Configuration = {
    ...stored,
    name: body.name ?? stored.name,
    settings: merge(stored.settings, body.settings),
    secrets: merge(stored.secrets, body.secrets),
  }
  checkRequired(app, configuration.settings)
  if (!(await saveConfiguration(c.env.DB, vault, configuration))) {
    throw noConfiguration(app, id) // deleted meanwhile
  }
  return c.json(present(app, configuration))
})

appRoutes.delete('/:app/configurations/:id', async (c) => {
  const app = findApp(c.req.param('app'))
  const id = c.req.param('id')
  const titles = await workflowsUsing(c.env.DB, app.id, id)
  if (titles.length > 0) {
    throw inUse(`The ${app.name} configuration ${quote(id)}`, titles)
  }
  if (!(await deleteConfiguration(c.env.DB, app.id, id))) {
    throw noConfiguration(app, id)
  }
  return c.body(null, 204)
})
