// The in-browser face engine of the live guidance: @vladmandic/face-api (the package the server's
// weights come from) on TensorFlow.js's WebAssembly backend, with its tiny face detector and tiny
// 68-point landmarks (the iBUG points the server's checks read). Everything — code, weights, .wasm — is a hashed
// asset of our own origin (checked against frontend/guidance-models.sha256 at build time).
// This module is loaded with import() after login, so none of it weighs on the login route.
import * as faceapi from '@vladmandic/face-api'
import detectorManifest from '@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json'
import detectorWeights from '@vladmandic/face-api/model/tiny_face_detector_model.bin?url'
import landmarkManifest from '@vladmandic/face-api/model/face_landmark_68_tiny_model-weights_manifest.json'
import landmarkWeights from '@vladmandic/face-api/model/face_landmark_68_tiny_model.bin?url'
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'

/** Detector input side: 160 still finds a face whose brow-to-chin spans a sixth of the frame. */
export const DETECTOR_INPUT = 160
/**
 * The detector runs on every DETECT_EVERY-th frame (and whenever the face was lost or moved), so a
 * second person stepping in is seen within about a second;
 * in between the landmarks follow the face from its last position, which costs a third as much.
 */
export const DETECT_EVERY = 10
/** When nothing is found at DETECTOR_INPUT, a second look at this size finds the faces too far away to be seen. */
export const SMALL_FACE_INPUT = 320
/** Below the server's 0.6 for its SSD detector: the tiny detector scores real faces lower. */
export const DETECTOR_MIN_SCORE = 0.4

const tf = faceapi.tf

async function weightMap (manifest, url) {
  const response = await fetch(url)
  if (!response.ok) throw new Error('guidance model ' + url + ': HTTP ' + response.status)
  return tf.io.decodeWeights(await response.arrayBuffer(), manifest.flatMap((group) => group.weights))
}

async function chooseBackend () {
  tf.setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlain,
    'tfjs-backend-wasm-simd.wasm': wasmSimd,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded
  })
  // WebAssembly runs the same on every phone; WebGL is the fallback for a browser without it.
  for (const name of ['wasm', 'webgl', 'cpu']) {
    try {
      if (await tf.setBackend(name)) {
        await tf.ready()
        return name
      }
    } catch (e) { /* try the next backend */ }
  }
  throw new Error('no TensorFlow.js backend')
}

/** Loads the backend and both networks; resolves to { backend, analyse(canvas, redetect) }. */
export async function load () {
  const backend = await chooseBackend()
  const [detector, landmarks] = await Promise.all([
    weightMap(detectorManifest, detectorWeights),
    weightMap(landmarkManifest, landmarkWeights)
  ])
  faceapi.nets.tinyFaceDetector.loadFromWeightMap(detector)
  faceapi.nets.faceLandmark68TinyNet.loadFromWeightMap(landmarks)
  const tracker = new Tracker(
    new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT, scoreThreshold: DETECTOR_MIN_SCORE }),
    new faceapi.TinyFaceDetectorOptions({ inputSize: SMALL_FACE_INPUT, scoreThreshold: DETECTOR_MIN_SCORE }))
  // Warm-up: the first inference compiles the kernels and would otherwise stall the first frame.
  const warm = document.createElement('canvas')
  warm.width = 64
  warm.height = 64
  await tracker.analyse(warm, true)
  await tracker.landmarksIn(warm, { x: 0, y: 0, width: 64, height: 64 })
  tracker.reset()
  return {
    backend,
    /**
     * Faces in the canvas, largest first: box and score, and for the largest the 68 landmarks as
     * [x, y] pairs, all in canvas pixels; {@code detected} tells whether the detector ran on this frame.
     */
    analyse: (canvas, redetect) => tracker.analyse(canvas, redetect),
    /** Milliseconds the last detector and landmark runs took. */
    timing: tracker.timing,
    reset: () => tracker.reset()
  }
}

/** Detects every few frames and follows the largest face with the landmark network in between. */
class Tracker {
  constructor (options, smallFaces) {
    this.options = options
    this.smallFaces = smallFaces
    this.crop = document.createElement('canvas')
    this.timing = { detect: 0, landmarks: 0 }
    this.reset()
  }

  reset () {
    this.frame = 0
    this.state = null
  }

  async analyse (canvas, redetect) {
    this.frame++
    const s = this.state
    if (!s || redetect || this.frame - s.at >= DETECT_EVERY) return this.detect(canvas)
    // The detector's box kept where it was relative to the landmarks, around where they are now.
    const b = bounds(s.points)
    const box = { x: b.x + s.rel.x * b.width, y: b.y + s.rel.y * b.height, width: s.rel.w * b.width, height: s.rel.h * b.height }
    const points = await this.landmarksIn(canvas, box)
    if (!points) return this.detect(canvas)
    s.points = points
    return [{ score: s.score, box, points, detected: false }, ...s.others]
  }

  async detect (canvas) {
    const started = performance.now()
    let located = await faceapi.nets.tinyFaceDetector.locateFaces(canvas, this.options)
    if (!located.length) located = await faceapi.nets.tinyFaceDetector.locateFaces(canvas, this.smallFaces)
    this.timing.detect = performance.now() - started
    const found = located
      .map((d) => ({ score: d.score, box: { x: d.box.x, y: d.box.y, width: d.box.width, height: d.box.height } }))
      .sort((a, b) => b.box.height - a.box.height)
    this.state = null
    if (!found.length) return []
    const main = found[0]
    const points = await this.landmarksIn(canvas, main.box)
    if (!points) return []
    const b = bounds(points)
    const others = found.slice(1).map((f) => ({ ...f, detected: true }))
    this.state = {
      at: this.frame, score: main.score, points, others,
      rel: { x: (main.box.x - b.x) / b.width, y: (main.box.y - b.y) / b.height, w: main.box.width / b.width, h: main.box.height / b.height }
    }
    return [{ ...main, points, detected: true }, ...others]
  }

  /** The 68 landmarks of the face in {@code box}, cut out as face-api itself does (clipped to the canvas). */
  async landmarksIn (canvas, box) {
    const x = Math.max(0, Math.floor(box.x))
    const y = Math.max(0, Math.floor(box.y))
    const w = Math.min(canvas.width, Math.ceil(box.x + box.width)) - x
    const h = Math.min(canvas.height, Math.ceil(box.y + box.height)) - y
    if (w < 16 || h < 16) return null
    this.crop.width = w
    this.crop.height = h
    this.crop.getContext('2d').drawImage(canvas, x, y, w, h, 0, 0, w, h)
    const started = performance.now()
    const landmarks = await faceapi.nets.faceLandmark68TinyNet.detectLandmarks(this.crop)
    this.timing.landmarks = performance.now() - started
    return landmarks.positions.map((p) => [x + p.x, y + p.y])
  }
}

function bounds (points) {
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity
  for (const [px, py] of points) {
    minX = Math.min(minX, px); minY = Math.min(minY, py); maxX = Math.max(maxX, px); maxY = Math.max(maxY, py)
  }
  return { x: minX, y: minY, width: Math.max(1, maxX - minX), height: Math.max(1, maxY - minY) }
}
