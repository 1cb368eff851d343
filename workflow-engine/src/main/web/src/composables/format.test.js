// Time limits as the inbox shows them: in calendar time or in working days, in the page's language.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { duration } from './format.js'

const t = (key, { n }) => `${n} «${key}»`

test('a limit in working days, as a model writes it in either language', () => {
  assert.equal(duration('3 working days', t), '3 «time.workingDays»')
  assert.equal(duration('20个工作日', t), '20 «time.workingDays»')
})

test('an ISO-8601 duration in calendar time, and anything else as it is', () => {
  assert.equal(duration('P60D', t), '60 «time.days»')
  assert.equal(duration('three working days', t), 'three working days')
})
