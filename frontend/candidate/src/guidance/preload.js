// Starts loading the live guidance engine (face-api, its weights, the .wasm) in the background
// once the candidate has logged in, so the camera page finds it ready and the login route never
// pays for it. One load per page: later calls get the same promise.
let engine = null

/** The engine promise; starts the download when first asked. Never rejects: null means unavailable. */
export function guidanceEngine () {
  if (!engine) {
    engine = import('./engine.js').then((m) => m.load()).catch((e) => {
      console.warn('live guidance unavailable:', e && e.message)
      return null
    })
  }
  return engine
}

/** After login: load when the browser is idle, so the next page's own requests go first. */
export function preloadGuidance () {
  const idle = window.requestIdleCallback || ((fn) => window.setTimeout(fn, 500))
  idle(() => guidanceEngine(), { timeout: 3000 })
}
