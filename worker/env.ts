import type { JobRunner } from './engine/job-runner'

/** The Worker's bindings (see wrangler.toml). */
export interface Env {
  DB: D1Database
  JOBS: DurableObjectNamespace<JobRunner>
  ASSETS: Fetcher
  /**
   * Base URL of the local sandbox tenants. Set by `npm start` and the
   * tests, never in production: when present, the sandbox configurations
   * and the onboarding workflow are created on first use.
   */
  SANDBOX_URL?: string
}
