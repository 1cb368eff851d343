// The browser's signing code against the worked example of docs/decision-payload.md (the same
// canonical bytes, the same SM3 digests, the documented signature verifies with the documented
// key) and against OpenSSL (a signature made here verifies as the engine verifies: SM3withSM2,
// default user id, DER; OpenSslInteropTest shows OpenSSL and the engine agree). Run by
// `npm test`, which the Maven build runs in its test phase.
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { canonicalJson, utf8 } from './canonical.js'
import { pointFromPublicKeyPem, privateKeyFromPem, publicKeyPem } from './pem.js'
import { fingerprintOf, fromBase64, newPrivateKey, publicPointOf, signDer, sm3Hex, verifyDer } from './sm2.js'
import { seal, unseal, WrongPassphraseError } from './keyStore.js'
import { reviewPayload } from './payloadReview.js'

const doc = readFileSync(new URL('../../../../../../docs/decision-payload.md', import.meta.url), 'utf8')
const example = doc.slice(doc.indexOf('## Worked example'))
const blocks = [...example.matchAll(/```\n([\s\S]*?)\n```/g)].map((m) => m[1])
const [caseStateText, payloadText, payloadBase64, publicKeyText, signatureBase64] = blocks
const after = (label) => new RegExp(`${label}\\s*\`(0x[0-9a-f]{64})\``).exec(example)[1]

const openssl = spawnSync('openssl', ['version']).status === 0

test('the case-state document, as the engine sends it, has the documented canonical bytes and SM3', () => {
  // members in the order Jackson writes the record, not sorted: canonicalJson sorts them
  const caseState = {
    caseId: 'case-2025-0001',
    application: { licenceType: '食品经营许可证', applicantAge: 30 },
    applicantHash: '0x7d6cd516d892c298210d640aeea6ddb0f909aea10f34ae5edd847b350d647391',
    materialHashes: ['0x0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b',
      '0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    steps: [{ activityInstance: 'Activity_CheckEligibility#1', kind: 'AUTOMATIC', contract: 'EligibilityRule',
      function: 'check', resultHash: '0xe5d13d6d05232c53c0e5ae066fb9686c8cabd892eb897dc281dc3ed399c281ea' }],
  }
  assert.equal(canonicalJson(caseState), caseStateText)
  assert.equal(utf8(canonicalJson(caseState)).length, 551)
  assert.equal(sm3Hex(utf8(canonicalJson(caseState))), after("Its SM3 \\(the payload's `caseState`\\):"))
})

test('the payload has the documented 563 bytes and decision hash', () => {
  const bytes = utf8(payloadText)
  assert.equal(bytes.length, 563)
  assert.deepEqual(bytes, fromBase64(payloadBase64.replace(/\n/g, '')))
  assert.equal(canonicalJson(JSON.parse(payloadText)), payloadText)
  assert.equal(sm3Hex(bytes), after('SM3 of the bytes \\(the decision hash\\):'))
  assert.equal(sm3Hex(bytes), '0x4c994407de8ed586dab460fce93fc516cb79766331b09bb808a1016fde2a2859')
})

test('canonical JSON escapes as JCS: control characters escaped, other characters literal', () => {
  assert.equal(canonicalJson({ b: 'q"\\\b\f\n\r\t\u0001/\u007f\u2028😀材', a: [true, null, 0] }),
    '{"a":[true,null,0],"b":"q\\"\\\\\\b\\f\\n\\r\\t\\u0001/\u007f\u2028😀材"}')
  assert.throws(() => canonicalJson({ a: 3.5 }))
  assert.throws(() => utf8('\ud800'))
})

test('the documented signature verifies with the documented key, and not over other bytes', () => {
  const point = pointFromPublicKeyPem(publicKeyText)
  assert.equal(`0x${point}`, /- point: `(0x[0-9a-f]+)`/.exec(example)[1])
  assert.equal(fingerprintOf(point), /- fingerprint: `(0x[0-9a-f]+)`/.exec(example)[1])
  assert.equal(publicKeyPem(point), `${publicKeyText}\n`)
  const signature = fromBase64(signatureBase64)
  assert.ok(verifyDer(utf8(payloadText), signature, point))
  assert.ok(!verifyDer(utf8(payloadText.replace('APPROVE', 'REJECT_')), signature, point))
})

/** Whether {@code der} is a strict DER SEQUENCE of two positive, minimally encoded INTEGERs, as the engine reads it. */
function strictDer(der) {
  if (der[0] !== 0x30 || der[1] !== der.length - 2) return false
  let at = 2
  for (let i = 0; i < 2; i++) {
    if (der[at] !== 0x02) return false
    const length = der[at + 1]
    const first = der[at + 2]
    if (length < 1 || length > 33 || first & 0x80) return false
    if (first === 0 && length > 1 && !(der[at + 3] & 0x80)) return false
    at += 2 + length
  }
  return at === der.length
}

test('signatures made here are strict DER and verify with OpenSSL (SM3withSM2, default user id) over the exact bytes',
  { skip: !openssl && 'no openssl on this machine' }, () => {
    const privateKeyHex = newPrivateKey()
    const point = publicPointOf(privateKeyHex)
    const bytes = utf8(payloadText)
    const dir = mkdtempSync(join(tmpdir(), 'ac-sign-'))
    writeFileSync(join(dir, 'pub.pem'), publicKeyPem(point))
    writeFileSync(join(dir, 'payload.json'), bytes)
    writeFileSync(join(dir, 'other.json'), utf8(payloadText.replace('APPROVE', 'REJECT_')))
    const verify = (file, signature) => {
      writeFileSync(join(dir, 'sig.der'), signature)
      return spawnSync('openssl', ['pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-pkeyopt',
        'distid:1234567812345678', '-pubin', '-inkey', join(dir, 'pub.pem'), '-in', join(dir, file), '-sigfile',
        join(dir, 'sig.der')], { encoding: 'utf8' })
    }
    // r and s are random: one signature in about a hundred and thirty is shorter than 70 bytes, half need a 0x00
    // before a high bit; many signatures, so that the short and padded forms are checked too
    const signatures = Array.from({ length: 150 }, () => signDer(bytes, privateKeyHex, point))
    for (const signature of signatures) {
      assert.ok(strictDer(signature), `not strict DER: ${Buffer.from(signature).toString('hex')}`)
      assert.ok(verifyDer(bytes, signature, point))
    }
    const shortest = signatures.reduce((a, b) => (b.length < a.length ? b : a))
    for (const signature of [signatures[0], shortest]) {
      assert.match(verify('payload.json', signature).stdout, /Signature Verified Successfully/)
    }
    assert.notEqual(verify('other.json', signatures[0]).status, 0)
  })

test('OpenSSL 3 private keys import as PKCS#8 and as SEC1, with the public key OpenSSL derives',
  { skip: !openssl && 'no openssl on this machine' }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-pem-'))
    const pkcs8 = join(dir, 'key.pem')
    execFileSync('openssl', ['genpkey', '-algorithm', 'SM2', '-out', pkcs8])
    const sec1 = execFileSync('openssl', ['ec', '-in', pkcs8], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    const spki = execFileSync('openssl', ['pkey', '-in', pkcs8, '-pubout'], { encoding: 'utf8' })
    const fromPkcs8 = privateKeyFromPem(readFileSync(pkcs8, 'utf8'))
    assert.match(sec1, /-----BEGIN (SM2|EC) PRIVATE KEY-----/)
    assert.deepEqual(privateKeyFromPem(sec1), fromPkcs8)
    assert.equal(fromPkcs8.pointHex, pointFromPublicKeyPem(spki))
    const p256 = execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], { encoding: 'utf8' })
    assert.throws(() => privateKeyFromPem(p256), { messageKey: 'keys.errors.notSm2' })
    assert.throws(() => privateKeyFromPem(spki), { messageKey: 'keys.errors.notPrivateKey' })
    assert.throws(() => privateKeyFromPem('garbage'), { messageKey: 'keys.errors.notPem' })
  })

test('a sealed key opens with its passphrase only', async () => {
  const privateKeyHex = newPrivateKey()
  const pointHex = publicPointOf(privateKeyHex)
  const record = await seal({ privateKeyHex, pointHex, fingerprint: fingerprintOf(pointHex) }, 'correct horse')
  assert.ok(!JSON.stringify(record).includes(privateKeyHex))
  assert.equal(await unseal(record, 'correct horse'), privateKeyHex)
  await assert.rejects(unseal(record, 'wrong horse'), WrongPassphraseError)
  await assert.rejects(unseal({ ...record, fingerprint: fingerprintOf(publicPointOf(newPrivateKey())) }, 'correct horse'),
    WrongPassphraseError)
})

test('a payload is signable only when its SM3, its case state and the choice are what the approver sees', () => {
  const caseState = JSON.parse(caseStateText)
  const issued = { payload: payloadText, sm3: sm3Hex(utf8(payloadText)), caseState }
  const choice = { decision: 'APPROVE', reasons: '材料齐全，符合《行政许可法》第三十四条。' }
  assert.equal(reviewPayload(issued, choice).ok, true)
  assert.equal(reviewPayload({ ...issued, sm3: `0x${'0'.repeat(64)}` }, choice).checks.payloadSm3, false)
  const changed = { ...caseState, application: { ...caseState.application, applicantAge: 31 } }
  assert.equal(reviewPayload({ ...issued, caseState: changed }, choice).checks.caseStateSm3, false)
  assert.equal(reviewPayload(issued, { ...choice, decision: 'REJECT' }).ok, false)
  const spaced = payloadText.replace('"v":2', '"v": 2')
  assert.equal(reviewPayload({ ...issued, payload: spaced, sm3: sm3Hex(utf8(spaced)) }, choice).checks.canonical, false)
})
