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

export function createApi ({ tokenKey, onUnauthorized }) {
  const storage = window.sessionStorage

  function token () {
    return storage.getItem(tokenKey)
  }

  function setToken (value) {
    if (value) storage.setItem(tokenKey, value)
    else storage.removeItem(tokenKey)
  }

  async function request (method, path, { json, form, query, raw, onUploadProgress } = {}) {
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
      throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试', 'Network error; check your connection and try again')
    }
    return handle(response.status, () => response.json(), () => response.blob(), raw)
  }

  async function handle (status, json, blob, raw) {
    if (status === 401 && onUnauthorized && token()) {
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
      x.onerror = () => reject(new ApiError(0, 'network', '网络连接失败，请检查网络后重试', 'Network error; check your connection and try again'))
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
    setToken,
    imageUrl,
    get: (path, query) => request('GET', path, { query }),
    post: (path, json) => request('POST', path, { json }),
    put: (path, json) => request('PUT', path, { json }),
    patch: (path, json) => request('PATCH', path, { json }),
    del: (path) => request('DELETE', path),
    upload: (path, form, onUploadProgress, method = 'POST') => request(method, path, { form, onUploadProgress }),
    download: (path) => request('GET', path, { raw: true })
  }
}
