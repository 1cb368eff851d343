// What the chain and the engine say about each of the approver's keys: the registrations
// (GET /api/me/keys, read from ApproverKeyRegistry) and the enrolments (GET /api/me/key-enrolments),
// and the proof-of-possession enrolment of a new key signed by the approver's signer.
import { api } from './api.js'
import { utf8 } from '../signing/canonical.js'

/** The registrations and enrolments of the signed-in approver. */
export async function myKeyRecords() {
  const [registered, enrolments] = await Promise.all([api('/api/me/keys'), api('/api/me/key-enrolments')])
  return { registered, enrolments }
}

/**
 * A key's standing, by its fingerprint: `valid`, `superseded` or `revoked` once registered on
 * chain; otherwise its latest enrolment's state (`REQUESTED` waits for two administrators,
 * `APPROVED` for the second, `REJECTED`, `CHALLENGED` without a proof); `none` when never enrolled.
 */
export function standingOf(fingerprint, { registered, enrolments }, now = Date.now()) {
  const onChain = registered.find((k) => k.fingerprint === fingerprint)
  if (onChain) {
    if (onChain.revokedBy) return { state: 'revoked', key: onChain }
    if (onChain.validUntil && new Date(onChain.validUntil).getTime() <= now) return { state: 'superseded', key: onChain }
    return { state: 'valid', key: onChain }
  }
  const latest = enrolments.filter((e) => e.fingerprint === fingerprint).sort((a, b) => b.id - a.id)[0]
  return latest ? { state: latest.state, enrolment: latest } : { state: 'none' }
}

/** Enrols the signer's key: asks for a challenge, signs its exact bytes, sends the proof. */
export async function enrol(signer) {
  const enrolment = await api('/api/me/key-enrolments', { method: 'POST', body: { publicKey: signer.publicKeyPem() } })
  const signature = await signer.sign(utf8(enrolment.challenge))
  return api(`/api/me/key-enrolments/${enrolment.id}/proof`, { method: 'POST', body: { signature } })
}
