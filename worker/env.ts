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
  /**
   * 32 random bytes, base64: the key configuration secrets are sealed
   * with (see worker/secrets/vault.ts). A Worker secret in production;
   * `npm start` writes a local one into .dev.vars.
   */
  SECRETS_KEY?: string
}
