// Freshservice API v2 sandbox, mounted where https://{domain}.freshservice.com
// would be.
import { Hono } from 'hono'
import { requireApiKey } from './auth'
import { registerConversationRoutes } from './conversations'
import { apiError } from './errors'
import { ServiceDesk } from './state'
import { registerTicketRoutes } from './tickets'

export interface FreshserviceSandbox {
  app: Hono
  reset(): void
}

export function createFreshserviceSandbox(): FreshserviceSandbox {
  const desk = new ServiceDesk()
  const app = new Hono()
  app.use('/api/*', requireApiKey)
  registerTicketRoutes(app, desk)
  registerConversationRoutes(app, desk)
  app.all('*', (c) =>
    apiError(
      c,
      404,
      'not_found',
      `No route matches ${c.req.method} ${new URL(c.req.url).pathname}`,
    ),
  )
  return { app, reset: () => desk.reset() }
}
