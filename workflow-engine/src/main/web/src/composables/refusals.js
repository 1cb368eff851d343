// The message for a refusal met while deciding: the engine's refusals of a signed decision, each
// with its stable code in the problem details (DECISION-002 … TASK-002, listed in docs/errors.md;
// a refused signature names its reason too: "signature refused (DOES_NOT_VERIFY): …"), and the
// browser's own (a wrong passphrase, no key). Each becomes a translated title, with the engine's
// own words beside it.
import { ApiError, errorMessage } from './api.js'

/** The engine's refusal codes and the refusal each one is. */
const BY_CODE = {
  'DECISION-002': 'PAYLOAD_NOT_CANONICAL',
  'DECISION-004': 'CASE_CHANGED',
  'DECISION-005': 'STALE',
  'DECISION-006': 'BEING_RECORDED',
  'TASK-001': 'TASK_GONE',
  'TASK-002': 'NOT_CANDIDATE',
}

/** Which refusal it is: a key under `sign.refusals`, or null for one without its own message. */
function kindOf(error) {
  if (!(error instanceof ApiError)) return null
  if (error.code === 'DECISION-003') {
    const reason = /signature refused \(([A-Z_]+)\)/.exec(error.detail || '')
    return reason ? reason[1] : null
  }
  return BY_CODE[error.code] || null
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
