import { mkdirSync } from 'node:fs'
import path from 'node:path'
import {
  cloudflareTest,
  readD1Migrations,
} from '@cloudflare/vitest-pool-workers'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { SANDBOX_TEST_PORT } from './test/support/ports.ts'

const root = import.meta.dirname
// wrangler.toml serves the built SPA from dist/; the worker tests need the
// folder to exist, not the build.
mkdirSync(path.join(root, 'dist'), { recursive: true })

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
                SANDBOX_URL: `http://127.0.0.1:${SANDBOX_TEST_PORT}`,
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
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
