// How the chain explorer names what a transaction did.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callName, whatItDid } from './chainCall.js'

test('a decoded call is named Contract.function, an undecoded one by its contract or not at all', () => {
  assert.equal(callName({ contract: 'LicenseRegistry', function: 'issue' }), 'LicenseRegistry.issue')
  assert.equal(callName({ contract: 'LicenseRegistry', function: null }), 'LicenseRegistry')
  assert.equal(callName({ contract: null, function: null }), null)
  assert.equal(callName(null), null)
})

test('a step recorded with its call shows the forwarded call first, carried by CaseLedger.recordCall', () => {
  const tx = { contract: 'CaseLedger', function: 'recordCall', forwarded: { contract: 'EligibilityRule', function: 'evaluate' } }
  const { shown, via } = whatItDid(tx)
  assert.equal(callName(shown), 'EligibilityRule.evaluate')
  assert.equal(callName(via), 'CaseLedger.recordCall')
})

test('any other transaction shows its own call, carried by nothing', () => {
  const tx = { contract: 'CaseLedger', function: 'recordStep', forwarded: null }
  assert.deepEqual(whatItDid(tx), { shown: tx, via: null })
})
