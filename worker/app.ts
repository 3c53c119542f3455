import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Env } from './env'
import { AppError } from './errors'
import { log } from './log'
import { VaultError } from './secrets/vault'
import { appRoutes } from './routes/apps'
import { hookRoutes } from './routes/hooks'
import { jobRoutes } from './routes/jobs'
import { logRoutes } from './routes/logs'
import { testActionRoutes } from './routes/test-action'
import { workflowRoutes } from './routes/workflows'
import { ensureSandboxSeed } from './seed/sandbox'

export type AppEnv = { Bindings: Env }

/** Builds the Worker's HTTP app: the API, the webhook intake and assets. */
export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.use('*', async (c, next) => {
    if (c.env.SANDBOX_URL) await ensureSandboxSeed(c.env)
    await next()
  })

  app.get('/api/health', (c) => c.json({ ok: true }))
  app.route('/api/workflows', workflowRoutes)
  app.route('/api/jobs', jobRoutes)
  app.route('/api/logs', logRoutes)
  app.route('/api/apps', appRoutes)
  app.route('/api/test-action', testActionRoutes)
  app.route('/hooks', hookRoutes)

  app.all('/api/*', () => {
    throw new AppError('not_found', 'No such API route')
  })
  app.all('/hooks/*', () => {
    throw new AppError('not_found', 'No such webhook')
  })
  app.all('*', (c) => c.env.ASSETS.fetch(c.req.raw))

  // The one place errors become responses.
  app.onError((error, c) => {
    if (error instanceof AppError) return c.json(error.toJSON(), error.status)
    // A missing or changed SECRETS_KEY: the administrator can act on it.
    if (error instanceof VaultError) {
      const body = new AppError('secrets_unavailable', error.message)
      return c.json(body.toJSON(), body.status)
    }
    if (error instanceof HTTPException && error.status < 500) {
      const body = new AppError('invalid_request', error.message)
      return c.json(body.toJSON(), error.status)
    }
    log.error('unhandled error', { path: c.req.path, error })
    const body = new AppError('internal', 'Something went wrong on our side')
    return c.json(body.toJSON(), 500)
  })
  return app
}
