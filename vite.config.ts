import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// The Worker (`wrangler dev`) serves the API and webhooks on 8787; in dev
// Vite serves the SPA and hands those paths over so both share one origin.
const worker = 'http://127.0.0.1:8787'

export default defineConfig({
  root: 'app',
  plugins: [vue()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': worker,
      '/hooks': worker,
    },
  },
})
