import { Hono } from 'hono'
import { APPS } from '../../shared/catalog'
import type { AppEnv } from '../app'
import { listInstalled } from '../db/configurations'

export const appRoutes = new Hono<AppEnv>()

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
