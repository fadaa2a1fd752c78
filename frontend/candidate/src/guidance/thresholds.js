// The server's check thresholds (the calibrated defaults of photo/internal/*Check.java and
// SingleFace, keys as in examphoto.checks.thresholds[...]) that the live guidance applies to the
// camera frames. LIVE_MARGIN tightens each bound a little: the live detector and landmarks are
// noisier than the server's, and a frame shown green must pass the server.
export const SERVER = {
  'single-face.min-relative-size': 0.3,
  'face-size.min': 0.21,
  'face-size.max': 0.50,
  'face-position.max-offset': 0.12,
  'face-position.min-headroom': 0.0,
  'face-position.min-chin-room': 0.10,
  'face-position.min-eye-line': 0.22,
  'face-position.max-eye-line': 0.60,
  'pose.max-yaw': 12,
  'pose.max-pitch': 25,
  'pose.max-roll': 8,
  'eyes-open.min-aspect-ratio': 0.18,
  'exposure.max-clipped': 0.03,
  'exposure.min-face-luma': 70,
  'exposure.max-face-luma': 225,
  'exposure.min-photo-luma': 60,
  'exposure.min-face-to-photo': 0.40,
  'illumination.max-imbalance': 0.30
}

/** Share of each bound's scale by which the live check is stricter than the server's. */
export const LIVE_MARGIN = 0.1

/** Landmark movement between two analysed frames, in eye distances, above which the shot would blur. */
export const MAX_MOTION = 0.06

/** The thresholds in force: the server's, with any the public configuration overrides. */
export function thresholds (overrides) {
  return { ...SERVER, ...(overrides || {}) }
}
