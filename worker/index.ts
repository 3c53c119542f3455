import { createApp } from './app'
import { purgeExpired } from './db/logs'
import type { Env } from './env'

export { JobRunner } from './engine/job-runner'

const app = createApp()

export default {
  fetch: app.fetch,
  async scheduled(controller, env) {
    await purgeExpired(env.DB, new Date(controller.scheduledTime))
  },
} satisfies ExportedHandler<Env>
