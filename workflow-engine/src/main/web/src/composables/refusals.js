// The message for a refusal met while deciding: the engine's refusals of a signed decision (its
// problem details give the reason in their detail, e.g. "signature refused (DOES_NOT_VERIFY): …",
// and a 409 when the case changed since the payload was issued) and the browser's own (a wrong
// passphrase, no key). Each becomes a translated title, with the engine's own words beside it.
import { ApiError, errorMessage } from './api.js'

/** Which refusal it is: a key under `sign.refusals`, or null for one without its own message. */
function kindOf(error) {
  if (!(error instanceof ApiError)) return null
  const detail = error.detail || ''
  const signature = /signature refused \(([A-Z_]+)\)/.exec(detail)
  if (signature) return signature[1]
  if (error.status === 409 && detail.includes('case changed')) return 'CASE_CHANGED'
  if (detail.includes('is stale or from the future')) return 'STALE'
  if (detail.startsWith('payload refused')) return 'PAYLOAD_NOT_CANONICAL'
  if (error.status === 403) return 'NOT_CANDIDATE'
  if (error.status === 404) return 'TASK_GONE'
  if (error.status === 409) return 'BEING_RECORDED'
  return null
}

/**
 * @returns {title, detail, refetch, kind}: refetch when a fresh payload is the way on (the case changed,
 *   the payload is stale); the signed decision is kept otherwise, for a retry
 */
export function refusal(error, t, te) {
  if (error.messageKey) return { title: t(error.messageKey), detail: '', refetch: false }
  const kind = kindOf(error)
  const title = kind && te(`sign.refusals.${kind}`) ? t(`sign.refusals.${kind}`) : errorMessage(error, t, te)
  return { title, detail: error instanceof ApiError ? error.detail || '' : '', refetch: ['CASE_CHANGED', 'STALE'].includes(kind), kind }
}
