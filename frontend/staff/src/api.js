import { createApi } from '@shared/api.js'
import { reactive } from 'vue'

/** The logged-in staff member ({username, displayName, role, points}) or null. */
export const session = reactive({ me: null })

let onLoggedOut = () => {}
export function whenLoggedOut (fn) { onLoggedOut = fn }

export const api = createApi({
  tokenKey: 'examphoto.staff.token',
  onUnauthorized: () => { session.me = null; onLoggedOut() }
})

export async function loadMe () {
  if (!api.token()) return null
  if (!session.me) {
    try { session.me = await api.get('/api/staff/me') } catch (e) { session.me = null }
  }
  return session.me
}

export const isAdmin = () => session.me && session.me.role === 'ADMIN'

/** Saves a downloaded blob under {@code name}. */
export function saveBlob (blob, name) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}
