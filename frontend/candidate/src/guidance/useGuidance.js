import { onBeforeUnmount, reactive } from 'vue'
import { guidanceEngine } from './preload.js'
import { judge } from './verdict.js'
import { thresholds, MAX_MOTION } from './thresholds.js'

/** Long side of the frame copy the engine analyses: enough for the landmarks, cheap to read back. */
export const ANALYSIS_HEIGHT = 320
/** How long every check must hold before the photo is taken by itself. */
export const AUTO_CAPTURE_MS = 1000
const AUTO_KEY = 'examphoto.candidate.autoCapture'

/**
 * Live guidance on a camera preview: analyses the frame part {@code crop(w, h)} of {@code video}
 * as often as the phone manages (one frame at a time, so a slow phone analyses fewer frames
 * rather than queueing them), keeps the current hint, and calls {@code capture()} once every
 * check has held for AUTO_CAPTURE_MS. The preview itself is the browser's <video>, composited
 * apart from this loop, so it stays smooth however long an analysis takes.
 */
export function useGuidance ({ video, crop, capture, overrides }) {
  const state = reactive({
    status: 'loading', // loading | running | unavailable | stopped
    hint: null,
    green: false,
    remaining: AUTO_CAPTURE_MS,
    auto: readAuto(),
    fps: 0,
    analysed: 0,
    ms: 0,
    detectMs: 0,
    landmarksMs: 0,
    backend: ''
  })
  const canvas = document.createElement('canvas')
  const g = canvas.getContext('2d', { willReadFrequently: true })
  let running = false
  let previous = null
  let greenSince = null
  let stamps = []
  let redetect = true
  const limits = thresholds(overrides)

  async function start () {
    if (running) return
    running = true
    previous = null
    greenSince = null
    redetect = true
    state.hint = null
    state.green = false
    state.remaining = AUTO_CAPTURE_MS
    const engine = await guidanceEngine()
    if (!running) return
    if (!engine) { state.status = 'unavailable'; return }
    state.backend = engine.backend
    state.status = 'running'
    loop(engine)
  }

  function stop () {
    running = false
    if (state.status === 'running') state.status = 'stopped'
    state.green = false
  }

  async function loop (engine) {
    while (running) {
      await nextFrame()
      const v = video.value
      if (!running) return
      if (!v || !v.videoWidth || v.readyState < 2) continue
      try {
        await analyse(engine, v)
      } catch (e) {
        console.warn('live guidance frame failed:', e && e.message)
        await new Promise((resolve) => window.setTimeout(resolve, 250))
      }
    }
  }

  async function analyse (engine, v) {
    const started = performance.now()
    const c = crop(v.videoWidth, v.videoHeight)
    const scale = Math.min(1, ANALYSIS_HEIGHT / c.height)
    canvas.width = Math.round(c.width * scale)
    canvas.height = Math.round(c.height * scale)
    g.drawImage(v, c.x, c.y, c.width, c.height, 0, 0, canvas.width, canvas.height)
    const probe = window.__examphotoGuidanceProbe
    const snapshot = probe ? fullFrame(v, c) : null
    const image = g.getImageData(0, 0, canvas.width, canvas.height)
    const faces = await engine.analyse(canvas, redetect)
    if (!running) return
    const verdict = judge(image, faces, previous, limits)
    previous = verdict.points || null
    // A face that moved or vanished is looked for afresh rather than followed.
    redetect = !verdict.points || verdict.motion > MAX_MOTION
    count()
    // Moving averages, for the benchmark (data-* attributes of the hint).
    state.ms = state.ms * 0.9 + (performance.now() - started) * 0.1
    state.detectMs = engine.timing.detect
    state.landmarksMs = engine.timing.landmarks
    state.hint = verdict.hint
    state.green = verdict.green
    const now = performance.now()
    greenSince = verdict.green ? (greenSince ?? now) : null
    state.remaining = greenSince === null ? AUTO_CAPTURE_MS : Math.max(0, AUTO_CAPTURE_MS - (now - greenSince))
    if (probe) probe(verdict, snapshot)
    if (greenSince !== null && state.remaining === 0 && state.auto) {
      // The last word goes to the detector, not the tracker: nobody stepped into the picture meanwhile.
      if (faces[0].detected) {
        stop()
        capture()
      } else {
        redetect = true
      }
    }
  }

  function count () {
    const now = performance.now()
    stamps.push(now)
    stamps = stamps.filter((s) => now - s <= 2000)
    state.analysed++
    state.fps = stamps.length > 1 ? (stamps.length - 1) * 1000 / (now - stamps[0]) : 0
  }

  function setAuto (on) {
    state.auto = on
    try { window.localStorage.setItem(AUTO_KEY, on ? '1' : '0') } catch (e) { /* private mode */ }
  }

  onBeforeUnmount(stop)
  return { state, start, stop, setAuto }
}

function readAuto () {
  try { return window.localStorage.getItem(AUTO_KEY) !== '0' } catch (e) { return true }
}

function nextFrame () {
  return new Promise((resolve) => window.requestAnimationFrame(() => resolve()))
}

/** The frame as the shutter would take it, for the test probe only. */
function fullFrame (v, c) {
  const full = document.createElement('canvas')
  full.width = c.width
  full.height = c.height
  full.getContext('2d').drawImage(v, c.x, c.y, c.width, c.height, 0, 0, c.width, c.height)
  return full
}
