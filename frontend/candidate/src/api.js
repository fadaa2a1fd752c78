import { createApi } from '@shared/api.js'

export { newIdempotencyKey } from '@shared/api.js'

/**
 * The candidate API client. The token and its expiry live in localStorage, so closing WeChat's
 * web view does not log the candidate out; an expired token or a 401 drops it and shows the login.
 */
export const api = createApi({
  tokenKey: 'examphoto.candidate.token',
  persistent: true,
  onUnauthorized: () => { window.location.hash = '#/login' }
})
