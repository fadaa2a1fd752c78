// Prints what the candidate H5's login route loads (the entry page's scripts, their static
// imports and stylesheets) with raw and gzipped sizes, from the built files; exits 1 when the
// total gzipped size passes the budget. Lazy-loaded pages (dynamic import()) are listed apart.
// Then the live guidance, loaded after login: the camera page, the face engine chunk with its
// imports, the weights and the WebAssembly binary a SIMD-capable browser fetches (budget
// guidanceBudgetKB, 1.5 MB, gzipped).
//   node scripts/bundle-size.mjs [staticDir] [app] [budgetKB] [guidanceBudgetKB]
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { resolve, dirname, join, posix } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(process.argv[2] || resolve(here, '../../target/classes/static'))
const app = process.argv[3] || 'candidate'
const budget = Number(process.argv[4] || 250) * 1024
const guidanceBudget = Number(process.argv[5] || 1536) * 1024
const html = join(root, app, 'index.html')
if (!existsSync(html)) {
  console.error('not built: ' + html + ' (run npm run build first)')
  process.exit(2)
}

const page = readFileSync(html, 'utf8')
const wanted = new Set()
for (const m of page.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g)) wanted.add(m[1])

// Follow static imports (import x from "./a.js", import "./b.css") but not import("./lazy.js").
function follow (start, skip = new Map()) {
  const loaded = new Map()
  const queue = [...start]
  while (queue.length) {
    const url = queue.shift()
    if (loaded.has(url) || skip.has(url)) continue
    const file = join(root, url.replace(/^\//, ''))
    const bytes = readFileSync(file)
    loaded.set(url, bytes)
    if (url.endsWith('.js')) {
      const text = bytes.toString('utf8')
      for (const m of text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]+from\s*)?["']([^"']+\.(?:js|css))["']/g)) {
        queue.push(posix.resolve(posix.dirname(url), m[1]))
      }
    }
  }
  return loaded
}
const loaded = follow(wanted)

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB'
let raw = 0
let gz = 0
console.log(`${app}: login route (initial load)`)
for (const [url, bytes] of [...loaded].sort()) {
  const z = gzipSync(bytes, { level: 9 }).length
  raw += bytes.length
  gz += z
  console.log(`  ${kb(bytes.length)} raw ${kb(z)} gzip  ${url}`)
}
console.log(`  ${kb(raw)} raw ${kb(gz)} gzip  TOTAL (budget ${kb(budget).trim()} gzip)`)

const assets = join(root, 'assets')
const lazy = readdirSync(assets).filter((f) => !/\.(br|gz)$/.test(f)).map((f) => '/assets/' + f)
  .filter((u) => !loaded.has(u) && /Page-|AppHeader|swipe/.test(u))
if (lazy.length) {
  console.log('lazy chunks (loaded when their page opens):')
  for (const u of lazy.sort()) {
    const b = readFileSync(join(root, u.slice(1)))
    console.log(`  ${kb(b.length)} raw ${kb(gzipSync(b, { level: 9 }).length)} gzip  ${u}`)
  }
}

// The guidance: what opening the camera after login adds to the login route.
const files = readdirSync(assets)
const starts = files.filter((f) => /^(CameraPage|engine)-.*\.(js|css)$/.test(f)).map((f) => '/assets/' + f)
let guidanceGz = 0
if (starts.length) {
  console.log('live guidance (loaded after login, in the background):')
  const parts = [...follow(starts, loaded)]
  for (const f of files.filter((f) => /^(tiny_face_detector_model|face_landmark_68_tiny_model)-.*\.bin$|^tfjs-backend-wasm-simd-.*\.wasm$/.test(f))) {
    parts.push(['/assets/' + f, readFileSync(join(assets, f))])
  }
  let guidanceRaw = 0
  for (const [url, bytes] of parts.sort()) {
    const z = gzipSync(bytes, { level: 9 }).length
    guidanceRaw += bytes.length
    guidanceGz += z
    console.log(`  ${kb(bytes.length)} raw ${kb(z)} gzip  ${url}`)
  }
  console.log(`  ${kb(guidanceRaw)} raw ${kb(guidanceGz)} gzip  TOTAL (budget ${kb(guidanceBudget).trim()} gzip)`)
}
process.exit(gz > budget || guidanceGz > guidanceBudget ? 1 : 0)
