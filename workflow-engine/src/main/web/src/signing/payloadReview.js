// What you see is what you sign: the checks the browser makes on a payload the engine issued
// before the approver may sign it. The SM3 of the exact bytes must be the engine's; the case-state
// document shown must hash to the payload's caseState; the bytes must be canonical; and the
// payload must carry the decision and reasons the approver chose.
import { canonicalJson, utf8 } from './canonical.js'
import { sm3Hex } from './sm2.js'

/**
 * @param issued the engine's answer: {payload, sm3, caseState}
 * @param choice what the approver chose: {decision, reasons}
 * @returns the parsed payload, the digests computed here and each check (ok = all of them)
 */
export function reviewPayload(issued, choice) {
  const fields = JSON.parse(issued.payload)
  const payloadSm3 = sm3Hex(utf8(issued.payload))
  const caseStateSm3 = sm3Hex(utf8(canonicalJson(issued.caseState)))
  const checks = {
    payloadSm3: payloadSm3 === issued.sm3,
    caseStateSm3: caseStateSm3 === fields.caseState,
    canonical: canonicalJson(fields) === issued.payload,
    choice: fields.decision === choice.decision && fields.reasons === choice.reasons,
  }
  return { fields, payloadSm3, caseStateSm3, checks, ok: Object.values(checks).every(Boolean) }
}
