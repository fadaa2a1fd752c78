// Builds both front ends into the application's static resources:
//   /candidate/  the candidate H5 (Vue 3 + Vant 4)
//   /staff/      the staff console (Vue 3 + Element Plus + ECharts)
// The Maven build runs `npm run build` with EXAMPHOTO_STATIC_DIR=target/classes/static.
// Hashed files under /assets/ get .br and .gz copies beside them, which the server sends to
// browsers that accept them (web/StaticAssets), so nothing is compressed per request.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { compression, defineAlgorithm } from 'vite-plugin-compression2'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'

const here = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: here,
  base: '/',
  plugins: [
    vue(),
    compression({
      include: /\/?assets\/.*\.(js|mjs|css|svg|json|wasm|bin)$/,
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      threshold: 0,
      logLevel: 'silent'
    })
  ],
  resolve: { alias: { '@shared': resolve(here, 'shared') } },
  build: {
    outDir: process.env.EXAMPHOTO_STATIC_DIR || resolve(here, '../target/classes/static'),
    emptyOutDir: true,
    // Each app is its own entry, so the candidate's login never loads the staff console's code.
    rollupOptions: {
      input: {
        candidate: resolve(here, 'candidate/index.html'),
        staff: resolve(here, 'staff/index.html')
      }
    },
    chunkSizeWarningLimit: 1200
  },
  server: { proxy: { '/api': 'http://localhost:8080' } }
})
