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
