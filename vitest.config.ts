import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import {
  cloudflareTest,
  readD1Migrations,
} from '@cloudflare/vitest-pool-workers'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname
// wrangler.toml serves the built SPA from dist/; the worker tests need the
// folder to exist, not the build.
mkdirSync(path.join(root, 'dist'), { recursive: true })

function sandboxUrl(): string {
  const url = process.env.SWITCHBOARD_TEST_SANDBOX_URL
  if (!url) throw new Error('the sandbox global setup has not run')
  return url
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['test/app/**/*.test.ts'],
          setupFiles: ['test/app/setup.ts'],
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            main: './worker/index.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations(
                  path.join(root, 'migrations'),
                ),
                // Set by the global setup, which starts the sandbox first.
                SANDBOX_URL: sandboxUrl(),
                // A fresh key per run: no secret of the tests is stored.
                SECRETS_KEY: randomBytes(32).toString('base64'),
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          setupFiles: ['test/worker/apply-migrations.ts'],
          globalSetup: ['test/support/sandbox-global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          // One wrangler dev at a time, after the other projects: under the
          // load of everything at once on two cores, a dev server restarted
          // its worker mid-request (wrangler answers 503 then).
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
