// The one HTTP client of the web application: same-origin session cookie, the CSRF token from the
// engine's cookie echoed in X-XSRF-TOKEN on unsafe requests, X-Requested-With so that a 401 does
// not open the browser's own login dialog, and every refusal as an ApiError with the problem
// details' stable code.
const CSRF_COOKIE = 'AC-XSRF-TOKEN'
const SAFE = ['GET', 'HEAD', 'OPTIONS']

/** A refusal of the engine: HTTP status, its problem details (code, detail) and Retry-After in seconds (or null). */
export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super(problem.detail || `HTTP ${status}`)
    this.status = status
    this.code = problem.code
    this.detail = problem.detail
    this.retryAfter = retryAfter
  }
}

let onUnauthorized = () => {}

/** What to do when the engine answers 401 to a signed-in page (the session expired). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`))
  return cookie ? decodeURIComponent(cookie.slice(CSRF_COOKIE.length + 1)) : ''
}

/**
 * Calls the engine's API. `body` is sent as JSON, `form` as a URL-encoded form, `xml` as it is.
 * Resolves to the parsed JSON (null for 204), or the text with `text: true`; rejects with an ApiError.
 */
export async function api(path, { method = 'GET', body, form, xml, text = false, quiet401 = false } = {}) {
  const headers = { Accept: text ? '*/*' : 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  if (!SAFE.includes(method)) headers['X-XSRF-TOKEN'] = csrfToken()
  let payload
  if (form) {
    payload = new URLSearchParams(form)
  } else if (xml !== undefined) {
    headers['Content-Type'] = 'application/xml'
    payload = xml
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' })
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}))
    if (response.status === 401 && !quiet401) onUnauthorized()
    const retryAfter = Number.parseInt(response.headers.get('Retry-After'), 10)
    throw new ApiError(response.status, problem, Number.isNaN(retryAfter) ? null : retryAfter)
  }
  if (text) return response.text()
  return response.status === 204 ? null : response.json()
}

/**
 * The message to show for a refusal: the translation of its code when there is one (given the
 * seconds to wait, for a refusal that says), else the server's words.
 */
export function errorMessage(error, t, te) {
  if (error instanceof ApiError) {
    if (error.code && te(`errors.${error.code}`)) return t(`errors.${error.code}`, { seconds: error.retryAfter })
    return error.detail || t('errors.status', { status: error.status })
  }
  return t('errors.network')
}
