// The one API client of both front ends: bearer token in the Authorization header (no cookies,
// so it works the same in a browser, WeChat's browser and a mini-program web-view), and every
// failure turned into an ApiError carrying the server's {status, code, message, messageEn}.

export class ApiError extends Error {
  constructor (status, code, message, messageEn, details) {
    super(message || code)
    this.status = status
    this.code = code
    this.messageZh = message
    this.messageEn = messageEn
    this.details = details || []
  }

  /** The message in the UI's language (zh-CN first). */
  text (locale) {
    return (locale && locale.startsWith('en') ? this.messageEn : this.messageZh) || this.code
  }
}

/**
 * A fresh Idempotency-Key: one per shot or button press, re-sent unchanged on a retry.
 * crypto.randomUUID exists only in secure contexts; getRandomValues also outside them.
 */
export function newIdempotencyKey () {
  const c = typeof crypto !== 'undefined' ? crypto : null
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  const bytes = new Uint8Array(16)
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

const NETWORK = ['网络连接失败，请检查网络后重试', 'Network error; check your connection and try again']
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * persistent: keep the token (with its expiry) in localStorage, which survives WeChat closing its
 * web view; otherwise sessionStorage (the tab). An expired token is dropped when read.
 */
export function createApi ({ tokenKey, onUnauthorized, persistent = false }) {
  const storage = (() => {
    try { return persistent ? window.localStorage : window.sessionStorage } catch (e) { return window.sessionStorage }
  })()

  // Set when a stored token was found expired: the 401 that follows still counts as a logout.
  let expired = false

  function readToken () {
    const raw = storage.getItem(tokenKey)
    if (!raw) return null
    if (!persistent) return { token: raw, expiresAt: null }
    try {
      const saved = JSON.parse(raw)
      if (!saved || !saved.token) throw new Error('no token')
      if (saved.expiresAt && Date.parse(saved.expiresAt) <= Date.now()) {
        expired = true
        throw new Error('expired')
      }
      return saved
    } catch (e) {
      storage.removeItem(tokenKey)
      return null
    }
  }

  function token () {
    const saved = readToken()
    return saved ? saved.token : null
  }

  /** When the stored token expires (an ISO string), or null. */
  function tokenExpiresAt () {
    const saved = readToken()
    return saved ? saved.expiresAt : null
  }

  function setToken (value, expiresAt) {
    expired = false
    if (!value) storage.removeItem(tokenKey)
    else if (persistent) storage.setItem(tokenKey, JSON.stringify({ token: value, expiresAt: expiresAt || null }))
    else storage.setItem(tokenKey, value)
  }

  /**
   * One request; with an idempotency key (or a GET) a network failure is retried once with the
   * same key, and a 409 idempotency.in_progress (the first copy still running) is asked again.
   */
  async function request (method, path, options = {}) {
    const retryable = method === 'GET' || !!options.idempotencyKey
    let networkRetries = retryable ? 1 : 0
    let busyRetries = options.idempotencyKey ? 5 : 0
    for (;;) {
      try {
        return await send(method, path, options)
      } catch (e) {
        if (e instanceof ApiError && e.status === 0 && networkRetries > 0) {
          networkRetries--
          await wait(800)
        } else if (e instanceof ApiError && e.code === 'idempotency.in_progress' && busyRetries > 0) {
          busyRetries--
          await wait(1500)
        } else {
          throw e
        }
      }
    }
  }

  async function send (method, path, { json, form, query, raw, onUploadProgress, idempotencyKey } = {}) {
    let url = path
    if (query) {
      const params = new URLSearchParams()
      Object.entries(query).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') params.append(k, v) })
      const qs = params.toString()
      if (qs) url += (url.includes('?') ? '&' : '?') + qs
    }
    const headers = {}
    const t = token()
    if (t) headers.Authorization = 'Bearer ' + t
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey
    let body
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(json)
    } else if (form) {
      body = form
    }
    if (form && onUploadProgress) {
      return xhr(method, url, headers, body, onUploadProgress)
    }
    let response
    try {
      response = await fetch(url, { method, headers, body })
    } catch (e) {
      throw new ApiError(0, 'network', NETWORK[0], NETWORK[1])
    }
    return handle(response.status, () => response.json(), () => response.blob(), raw)
  }

  async function handle (status, json, blob, raw) {
    if (status === 401 && onUnauthorized && (token() || expired)) {
      expired = false
      setToken(null)
      onUnauthorized()
    }
    if (status >= 400) {
      let e = {}
      try { e = await json() } catch (ignored) { /* not JSON */ }
      throw new ApiError(status, e.code || 'http.' + status, e.message || '请求失败 (' + status + ')',
        e.messageEn || 'Request failed (' + status + ')', e.details)
    }
    if (status === 204) return null
    if (raw) return blob()
    try { return await json() } catch (ignored) { return null }
  }

  // fetch() cannot report upload progress; XMLHttpRequest can.
  function xhr (method, url, headers, body, onUploadProgress) {
    return new Promise((resolve, reject) => {
      const x = new XMLHttpRequest()
      x.open(method, url)
      Object.entries(headers).forEach(([k, v]) => x.setRequestHeader(k, v))
      x.upload.onprogress = (e) => { if (e.lengthComputable) onUploadProgress(e.loaded / e.total) }
      x.onerror = () => reject(new ApiError(0, 'network', NETWORK[0], NETWORK[1]))
      x.onload = () => {
        handle(x.status, async () => JSON.parse(x.responseText), async () => new Blob([x.response]), false)
          .then(resolve, reject)
      }
      x.send(body)
    })
  }

  /** An image the API serves only with the token, as an object URL for <img src>. */
  async function imageUrl (path) {
    const blob = await request('GET', path, { raw: true })
    return URL.createObjectURL(blob)
  }

  return {
    token,
    tokenExpiresAt,
    setToken,
    imageUrl,
    get: (path, query) => request('GET', path, { query }),
    post: (path, json, { idempotencyKey } = {}) => request('POST', path, { json, idempotencyKey }),
    put: (path, json) => request('PUT', path, { json }),
    patch: (path, json) => request('PATCH', path, { json }),
    del: (path) => request('DELETE', path),
    upload: (path, form, onUploadProgress, method = 'POST', { idempotencyKey } = {}) =>
      request(method, path, { form, onUploadProgress, idempotencyKey }),
    download: (path) => request('GET', path, { raw: true })
  }
}
