import { reactive } from 'vue'
import { api, newIdempotencyKey } from './api.js'

/**
 * What the pages share: the public configuration and the candidate (GET /me). Everything a page
 * shows after a reload comes from /me (the current and the verified submission, the review
 * case); the previews of photos taken in this tab and the portrait's advice are kept in memory.
 */
export const store = reactive({
  config: null,
  me: null,
  materialPreviews: {},
  materialAdvice: {},
  // The answer to the last verification in this tab: after the last failed attempt the candidate
  // is in manual review, where /me no longer lists the automatic-path upload.
  lastAttempt: null
})

export async function loadConfig () {
  if (!store.config) store.config = await api.get('/api/candidate/public/config')
  return store.config
}

export async function loadMe () {
  store.me = await api.get('/api/candidate/me')
  return store.me
}

/** The latest automatic-path upload, its checks and its verification (or null). */
export function currentSubmission () {
  return store.me?.currentSubmission || null
}

/** The submission that passed verification and awaits "确认无误并提交" (or null). */
export function verifiedSubmission () {
  return store.me?.verifiedSubmission || null
}

/** Where a candidate in this state belongs (SPEC §3). */
export function homeFor (me) {
  if (!me) return '/login'
  switch (me.state) {
    case 'COLLECTED': return '/result'
    case 'MANUAL_REQUIRED':
    case 'MANUAL_PENDING':
    case 'MANUAL_REJECTED': return '/review'
    case 'VERIFIED': return me.verifiedSubmission ? '/verify' : '/guide'
    case 'PHOTO_CHECKED': {
      const cur = me.currentSubmission
      return cur && cur.pass && !cur.verification ? '/check' : '/guide'
    }
    default: return '/guide'
  }
}

/**
 * A POST that is safe to repeat: one key per press of the button (or per shot), kept while the
 * request fails on the network, so that pressing again re-sends the same key and the server
 * replays its first answer instead of doing the work twice.
 */
export function oncePerPress () {
  let key = null
  return async (call) => {
    if (!key) key = newIdempotencyKey()
    try {
      const result = await call(key)
      key = null
      return result
    } catch (e) {
      if (!(e && e.status === 0)) key = null
      throw e
    }
  }
}

export async function logout () {
  try { await api.del('/api/candidate/session') } catch (e) { /* the token is dropped anyway */ }
  api.setToken(null)
  store.me = null
  store.materialPreviews = {}
  store.materialAdvice = {}
  store.lastAttempt = null
}
