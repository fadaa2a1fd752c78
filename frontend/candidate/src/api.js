import { createApi } from '@shared/api.js'

/** The candidate API client; a 401 on a logged-in call sends the candidate back to the login page. */
export const api = createApi({
  tokenKey: 'examphoto.candidate.token',
  onUnauthorized: () => { window.location.hash = '#/login' }
})
