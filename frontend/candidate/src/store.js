import { reactive } from 'vue'
import { api } from './api.js'

/**
 * What the pages share: the public configuration, the candidate (GET /me), and the results of
 * the last upload and verification attempt, which the next page shows.
 */
export const store = reactive({
  config: null,
  me: null,
  upload: null,
  uploadPreview: null,
  attempt: null,
  materialPreviews: {}
})

const VERIFIED_KEY = 'examphoto.candidate.verifiedSubmission'

export async function loadConfig () {
  if (!store.config) store.config = await api.get('/api/candidate/public/config')
  return store.config
}

export async function loadMe () {
  store.me = await api.get('/api/candidate/me')
  return store.me
}

/** Remembers the verified submission so that a reload in state VERIFIED still reaches "确认无误并提交". */
export function rememberVerified (submissionId) {
  if (submissionId) window.sessionStorage.setItem(VERIFIED_KEY, String(submissionId))
  else window.sessionStorage.removeItem(VERIFIED_KEY)
}

export function verifiedSubmission () {
  const v = window.sessionStorage.getItem(VERIFIED_KEY)
  return v ? Number(v) : null
}

/** Where a candidate in this state belongs (SPEC §3). */
export function homeFor (me) {
  if (!me) return '/login'
  switch (me.state) {
    case 'COLLECTED': return '/result'
    case 'MANUAL_REQUIRED':
    case 'MANUAL_PENDING':
    case 'MANUAL_REJECTED': return '/review'
    case 'VERIFIED': return verifiedSubmission() ? '/verify' : '/guide'
    default: return '/guide'
  }
}

export async function logout () {
  try { await api.del('/api/candidate/session') } catch (e) { /* the token is dropped anyway */ }
  api.setToken(null)
  rememberVerified(null)
  store.me = null
  store.upload = null
  store.attempt = null
  store.materialPreviews = {}
}
