// A refusal's message: its code's translation, given the seconds Retry-After asked to wait.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ApiError, errorMessage } from './api.js'

const t = (key, values) => `«${key}»${values?.seconds ?? ''}`
const te = (key) => key === 'errors.AUTH-005'

test('a password guessed too often says how long to wait', () => {
  const held = new ApiError(429, { code: 'AUTH-005', detail: 'too many wrong passwords for this user from this address: try again in 8 s' }, 8)
  assert.equal(errorMessage(held, t, te), '«errors.AUTH-005»8')
})

test('a code with no translation shows the engine\'s words, and a failed request the network message', () => {
  assert.equal(errorMessage(new ApiError(409, { code: 'CASE-003', detail: 'case 1 is not waiting' }), t, te), 'case 1 is not waiting')
  assert.equal(errorMessage(new TypeError('Failed to fetch'), t, te), '«errors.network»')
})
