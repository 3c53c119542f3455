import { defineConfig } from 'vitest/config'
export default defineConfig({ root: '/work/main', test: { environment: 'node', include: ['test/unit/sandbox-*.test.ts'] } })
