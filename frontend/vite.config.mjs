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
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

const here = fileURLToPath(new URL('.', import.meta.url))

// The live guidance's model weights and WebAssembly binaries are bundled from the pinned npm
// packages as hashed assets of our own origin; like the server's models (models/SHA256SUMS) the
// build refuses any file whose SHA-256 differs from the committed guidance-models.sha256.
function verifiedGuidanceModels () {
  return {
    name: 'examphoto-verified-guidance-models',
    buildStart () {
      const sums = readFileSync(resolve(here, 'guidance-models.sha256'), 'utf8').trim().split('\n')
      for (const [expected, name] of sums.map((line) => line.split(/\s+/))) {
        const actual = createHash('sha256').update(readFileSync(resolve(here, 'node_modules', name))).digest('hex')
        if (actual !== expected) this.error(`guidance file ${name}: SHA-256 ${actual} does not match the pinned ${expected}`)
      }
    }
  }
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [
    vue(),
    verifiedGuidanceModels(),
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
    chunkSizeWarningLimit: 1400
  },
  server: { proxy: { '/api': 'http://localhost:8080' } }
})
