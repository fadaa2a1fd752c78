// The live verdict on one camera frame: the server's geometry and light checks (SingleFace,
// FaceSizeCheck, FacePositionCheck, PoseCheck/HeadPose, EyesOpenCheck, ExposureCheck,
// IlluminationCheck) ported to the 68 landmarks the browser finds, plus a steadiness rule the
// server cannot have (it sees one photo, not the frames before it). The formulas follow the Java
// classes line for line so that both judge a frame alike; see docs/live-guidance.md.
import { LIVE_MARGIN, MAX_MOTION } from './thresholds.js'

/** Hints, most important first; the first one that applies is the one shown. */
export const HINTS = ['noFace', 'manyFaces', 'closer', 'farther', 'offLeft', 'offRight', 'tooHigh', 'tooLow',
  'turn', 'tiltHead', 'chinLevel', 'eyes', 'dark', 'bright', 'backlit', 'uneven', 'steady']

const LIGHT_MARGIN = LIVE_MARGIN / 2

/** The face frame of FaceFrame.java: origin between the eye centres, unit = their distance. */
export function faceFrame (points) {
  const centre = (from) => {
    let x = 0
    let y = 0
    for (let i = from; i < from + 6; i++) { x += points[i][0]; y += points[i][1] }
    return [x / 6, y / 6]
  }
  const left = centre(36)
  const right = centre(42)
  const dx = right[0] - left[0]
  const dy = right[1] - left[1]
  const unit = Math.max(1e-6, Math.hypot(dx, dy))
  const ox = (left[0] + right[0]) / 2
  const oy = (left[1] + right[1]) / 2
  const cos = dx / unit
  const sin = dy / unit
  return {
    unit, left, right,
    u: (i) => ((points[i][0] - ox) * cos + (points[i][1] - oy) * sin) / unit,
    v: (i) => (-(points[i][0] - ox) * sin + (points[i][1] - oy) * cos) / unit,
    x: (u, v) => ox + (u * cos - v * sin) * unit,
    y: (u, v) => oy + (u * sin + v * cos) * unit
  }
}

/** Brow-to-chin height over the frame height (FaceSizeCheck.share). */
export function faceShare (f, height) {
  let brow = Infinity
  for (let i = 17; i <= 26; i++) brow = Math.min(brow, f.v(i))
  return (f.v(8) - brow) * f.unit / height
}

/** HeadPose.of: yaw, pitch and roll in degrees. */
export function headPose (points, f) {
  const roll = Math.atan2(f.right[1] - f.left[1], f.right[0] - f.left[0]) * 180 / Math.PI
  const nose = f.u(30)
  const jawRatio = (nose - (f.u(0) + f.u(16)) / 2) / Math.max(1e-6, (f.u(16) - f.u(0)) / 2)
  const eyeRatio = (nose - (f.u(36) + f.u(45)) / 2) / Math.max(1e-6, (f.u(45) - f.u(36)) / 2)
  const ratio = (jawRatio + eyeRatio) / 2
  const yaw = Math.asin(Math.max(-1, Math.min(1, ratio / 1.1))) * 180 / Math.PI
  const pitch = (f.v(33) / Math.max(1e-6, f.v(8)) - 0.45) / 0.005
  return { yaw, pitch, roll }
}

function eyeAspect (points, from) {
  const d = (a, b) => Math.hypot(points[a][0] - points[b][0], points[a][1] - points[b][1])
  const width = d(from, from + 3)
  return width <= 0 ? 0 : (d(from + 1, from + 5) + d(from + 2, from + 4)) / (2 * width)
}

function bounds (points) {
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity
  for (const [x, y] of points) {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y)
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
}

function insideShare (b, w, h) {
  const iw = Math.max(0, Math.min(b.x + b.width, w) - Math.max(b.x, 0))
  const ih = Math.max(0, Math.min(b.y + b.height, h) - Math.max(b.y, 0))
  const area = b.width * b.height
  return area <= 0 ? 0 : Math.min(1, iw * ih / area)
}

const luma = (d, k) => 0.299 * d[k] + 0.587 * d[k + 1] + 0.114 * d[k + 2]

/** The pixel under frame point (u, v), or -1 outside the image. */
function pixel (image, f, u, v) {
  const x = Math.floor(f.x(u, v))
  const y = Math.floor(f.y(u, v))
  return x < 0 || y < 0 || x >= image.width || y >= image.height ? -1 : (y * image.width + x) * 4
}

function median (values) {
  if (!values.length) return 0
  values.sort((a, b) => a - b)
  return values[values.length >> 1]
}

/** ExposureCheck.measure: median luma of the skin ellipse and its share burnt out to white. */
export function faceLight (image, f) {
  const step = 1 / 16
  const values = []
  let clipped = 0
  for (let v = -0.6 + step / 2; v < 1.5; v += step) {
    for (let u = -0.85 + step / 2; u < 0.85; u += step) {
      if ((u / 0.85) ** 2 + ((v - 0.45) / 1.05) ** 2 > 1) continue
      const k = pixel(image, f, u, v)
      if (k < 0) continue
      values.push(luma(image.data, k))
      if (Math.min(image.data[k], image.data[k + 1], image.data[k + 2]) >= 245) clipped++
    }
  }
  const n = values.length
  return { luma: median(values), clipped: n ? clipped / n : 0 }
}

/** ExposureCheck.meanLuma over a 64×64 grid. */
export function photoLuma (image) {
  const sx = Math.max(1, Math.floor(image.width / 64))
  const sy = Math.max(1, Math.floor(image.height / 64))
  let sum = 0
  let n = 0
  for (let y = sy >> 1; y < image.height; y += sy) {
    for (let x = sx >> 1; x < image.width; x += sx) { sum += luma(image.data, (y * image.width + x) * 4); n++ }
  }
  return n ? sum / n : 0
}

/** IlluminationCheck.imbalance: 1 − darker / brighter cheek median. */
export function imbalance (image, f) {
  const side = (u0, u1) => {
    const values = []
    for (let v = 0.2 + 1 / 40; v < 0.8; v += 1 / 20) {
      for (let u = u0 + 1 / 40; u < u1; u += 1 / 20) {
        const k = pixel(image, f, u, v)
        if (k >= 0) values.push(luma(image.data, k))
      }
    }
    return median(values)
  }
  const left = side(-0.75, -0.3)
  const right = side(0.3, 0.75)
  const brighter = Math.max(left, right)
  return brighter <= 0 ? 0 : 1 - Math.min(left, right) / brighter
}

/** Mean landmark movement since the previous frame, in eye distances. */
export function motion (points, previous, unit) {
  if (!previous || previous.length !== points.length) return 0
  let sum = 0
  for (let i = 0; i < points.length; i++) sum += Math.hypot(points[i][0] - previous[i][0], points[i][1] - previous[i][1])
  return sum / points.length / unit
}

/**
 * Judges one frame. {@code image} is the analysed frame ({ width, height, data: RGBA }), {@code faces}
 * what the engine found in it, {@code previous} the main face's landmarks in the frame before.
 * Returns the hint to show (null when everything holds), the measures, and the main face.
 */
export function judge (image, faces, previous, t) {
  const m = LIVE_MARGIN
  const w = image.width
  const h = image.height
  const sorted = [...faces].sort((a, b) => b.box.height - a.box.height)
  const result = (hint, extra) => ({ hint, green: hint === null, faces: counted.length, ...extra })
  const counted = sorted.filter((face) => face.box.height >= t['single-face.min-relative-size'] * (sorted[0]?.box.height || 0))
  if (!counted.length) {
    // In the dark the detector finds nothing: say why rather than "no face".
    const overall = photoLuma(image)
    return result(overall < t['exposure.min-photo-luma'] ? 'dark' : 'noFace', { photoLuma: overall })
  }
  if (counted.length > 1) return result('manyFaces', {})
  const face = counted[0]
  const points = face.points
  const f = faceFrame(points)
  const share = faceShare(f, h)
  const base = { points, share, motion: motion(points, previous, f.unit) }
  if (share < t['face-size.min'] * (1 + m)) return result('closer', base)
  if (share > t['face-size.max'] * (1 - m)) return result('farther', base)

  const centre = (points[0][0] + points[16][0]) / 2 / w
  const eyeLine = f.y(0, 0) / h
  const headTop = Math.min(f.y(-0.9, -1.8), f.y(0, -1.8), f.y(0.9, -1.8)) / h
  const chinRoom = 1 - f.y(0, f.v(8)) / h
  const maxOffset = t['face-position.max-offset'] * (1 - m)
  const inside = insideShare(bounds(points), w, h)
  Object.assign(base, { centre, eyeLine, headTop, chinRoom })
  if (inside < 1 && (points[0][0] < 0 || points[16][0] > w)) return result(centre < 0.5 ? 'offLeft' : 'offRight', base)
  if (centre - 0.5 < -maxOffset) return result('offLeft', base)
  if (centre - 0.5 > maxOffset) return result('offRight', base)
  if (inside < 1 || headTop < t['face-position.min-headroom'] + 0.01 || eyeLine < t['face-position.min-eye-line'] * (1 + m)) {
    return result('tooHigh', base)
  }
  if (chinRoom < t['face-position.min-chin-room'] * (1 + m) || eyeLine > t['face-position.max-eye-line'] * (1 - m)) {
    return result('tooLow', base)
  }

  const pose = headPose(points, f)
  base.pose = pose
  const yaw = Math.abs(pose.yaw) / (t['pose.max-yaw'] * (1 - m))
  const pitch = Math.abs(pose.pitch) / (t['pose.max-pitch'] * (1 - m))
  const roll = Math.abs(pose.roll) / (t['pose.max-roll'] * (1 - m))
  const worst = Math.max(yaw, pitch, roll)
  if (worst > 1) {
    if (worst === yaw) return result('turn', base)
    if (worst === roll) return result('tiltHead', base)
    return result('chinLevel', base)
  }

  base.eyes = (eyeAspect(points, 36) + eyeAspect(points, 42)) / 2
  if (base.eyes < t['eyes-open.min-aspect-ratio'] * (1 + m)) return result('eyes', base)

  const light = faceLight(image, f)
  const overall = photoLuma(image)
  Object.assign(base, { faceLuma: light.luma, clipped: light.clipped, photoLuma: overall })
  if (light.luma < t['exposure.min-face-luma'] * (1 + LIGHT_MARGIN) || overall < t['exposure.min-photo-luma'] * (1 + LIGHT_MARGIN)) {
    return result('dark', base)
  }
  // No margin on the bright side: sampled without the server's box filter, highlights already weigh more here.
  if (light.clipped > t['exposure.max-clipped'] || light.luma > t['exposure.max-face-luma']) {
    return result('bright', base)
  }
  if (light.luma < t['exposure.min-face-to-photo'] * (1 + LIGHT_MARGIN) * overall) return result('backlit', base)
  base.imbalance = imbalance(image, f)
  if (base.imbalance > t['illumination.max-imbalance'] * (1 - LIGHT_MARGIN)) return result('uneven', base)

  if (base.motion > MAX_MOTION) return result('steady', base)
  return result(null, base)
}
