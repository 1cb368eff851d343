// Each refusal of a signed decision gets its own message, and the way on it offers (a fresh
// payload, or signing again), from the problem details the engine answers with.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ApiError } from './api.js'
import { refusal } from './refusals.js'

const t = (key) => `«${key}»`
const te = (key) => key.startsWith('sign.refusals.') || key.startsWith('errors.API-5')
/** A problem as the engine answers it: the code its detail starts with, else API-<status>. */
const engine = (status, detail) => new ApiError(status, { code: /^[A-Z]+-\d{3}\b/.exec(detail)?.[0] || `API-${status}`, detail })

test('the signature refusals of the engine by their reason', () => {
  for (const reason of ['DOES_NOT_VERIFY', 'NO_KEY_REGISTERED', 'KEY_NO_LONGER_VALID', 'NOT_DER']) {
    const shown = refusal(engine(400, `DECISION-003 signature refused (${reason}): the signature does not verify`), t, te)
    assert.equal(shown.title, `«sign.refusals.${reason}»`)
    assert.equal(shown.refetch, false)
    assert.match(shown.detail, /signature refused/)
  }
})

test('a changed case and a stale payload ask for a fresh payload', () => {
  const changed = refusal(engine(409, "DECISION-004 the case changed since the payload was issued: application field 'tradeName' was a, is now b; fetch a fresh payload"), t, te)
  assert.deepEqual([changed.title, changed.refetch], ['«sign.refusals.CASE_CHANGED»', true])
  const stale = refusal(engine(400, 'DECISION-005 payload issued at 2026-11-30T08:00:00Z is stale or from the future: fetch a fresh one (valid 15 minutes)'), t, te)
  assert.deepEqual([stale.title, stale.refetch], ['«sign.refusals.STALE»', true])
})

test('not a candidate, a task already done, and a wrong passphrase', () => {
  assert.equal(refusal(engine(403, 'TASK-002 user liu.yang is neither the assignee nor a candidate of task 1'), t, te).title, '«sign.refusals.NOT_CANDIDATE»')
  assert.equal(refusal(engine(404, 'TASK-001 no open task 1'), t, te).title, '«sign.refusals.TASK_GONE»')
  assert.equal(refusal({ messageKey: 'keys.errors.wrongPassphrase' }, t, te).title, '«keys.errors.wrongPassphrase»')
})

test('a failure on the way has no kind of its own, so the same signed decision is retried', () => {
  const unavailable = refusal(engine(503, 'the chain did not accept the write: timeout'), t, te)
  assert.equal(unavailable.kind, null)
  assert.equal(unavailable.title, '«errors.API-503»')
})
