// Image work done on the phone before upload: crop, downscale (long side ≤ 1600 px) and JPEG
// encoding with a canvas, so that a 12-megapixel photo does not cross a mobile network whole.

export const MAX_SIDE = 1600
export const QUALITY = 0.9

/** Draws the (sx, sy, sw, sh) part of a source into a JPEG whose long side is at most MAX_SIDE. */
export function encode (source, sx, sy, sw, sh) {
  const scale = Math.min(1, MAX_SIDE / Math.max(sw, sh))
  const width = Math.max(1, Math.round(sw * scale))
  const height = Math.max(1, Math.round(sh * scale))
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const g = canvas.getContext('2d')
  g.imageSmoothingEnabled = true
  g.imageSmoothingQuality = 'high'
  g.drawImage(source, sx, sy, sw, sh, 0, 0, width, height)
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => blob ? resolve({ blob, width, height }) : reject(new Error('encode')), 'image/jpeg', QUALITY)
  })
}

/** A chosen file as an image element; browsers apply the EXIF orientation when it is drawn. */
export function loadFile (file) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file)
    const img = new Image()
    img.onload = () => { URL.revokeObjectURL(url); resolve(img) }
    img.onerror = () => { URL.revokeObjectURL(url); reject(new Error('decode')) }
    img.src = url
  })
}

/** The centred part of a w×h frame with the given aspect ratio (width/height). */
export function centreCrop (w, h, aspect) {
  if (w / h > aspect) {
    const cw = Math.round(h * aspect)
    return { x: Math.round((w - cw) / 2), y: 0, width: cw, height: h }
  }
  const ch = Math.round(w / aspect)
  return { x: 0, y: Math.round((h - ch) / 2), width: w, height: ch }
}

/**
 * Cheap light hints from a 48×64 copy of the frame: the mean luminance of the face area (the
 * outline's oval) and the difference between its left and right halves (阴阳脸).
 */
export function lightHint (source, crop, canvas) {
  canvas.width = 48
  canvas.height = 64
  const g = canvas.getContext('2d', { willReadFrequently: true })
  g.drawImage(source, crop.x, crop.y, crop.width, crop.height, 0, 0, 48, 64)
  const d = g.getImageData(14, 10, 20, 28).data
  let left = 0
  let right = 0
  let n = 0
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 20; x++) {
      const i = (y * 20 + x) * 4
      const l = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2]
      if (x < 10) left += l
      else right += l
      n++
    }
  }
  const mean = (left + right) / n
  const diff = Math.abs(left - right) / (n / 2)
  if (mean < 60) return 'dark'
  if (mean > 235) return 'bright'
  if (diff > 50) return 'uneven'
  return 'ok'
}
