// Builds both front ends into the application's static resources:
//   /candidate/  the candidate H5 (Vue 3 + Vant 4)
//   /staff/      the staff console (Vue 3 + Element Plus + ECharts)
// The Maven build runs `npm run build` with EXAMPHOTO_STATIC_DIR=target/classes/static.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'

const here = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: here,
  base: '/',
  plugins: [vue()],
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
