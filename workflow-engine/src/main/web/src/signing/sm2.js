// SM2 and SM3 over bytes (sm-crypto): SM3withSM2 as GM/T 0009 with the default user id
// 1234567812345678 in Z, the message being the exact bytes (never a pre-computed digest), the
// signature DER-encoded. Byte arrays go to sm-crypto as arrays: a JavaScript string would be
// taken as text and re-encoded. Only the signing module uses this file.
import smCrypto from 'sm-crypto'

const { sm2, sm3 } = smCrypto

// the order of the curve sm2p256v1
const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123')

export function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export function fromHex(text) {
  if (!/^([0-9a-f]{2})*$/i.test(text)) throw new Error('not hex')
  return Uint8Array.from(text.match(/../g) || [], (pair) => parseInt(pair, 16))
}

export function base64(bytes) {
  return btoa(String.fromCharCode(...bytes))
}

export function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
}

/** SM3 of the bytes as 0x + 64 lower-case hex digits, as the engine writes it. */
export function sm3Hex(bytes) {
  return `0x${sm3(Array.from(bytes))}`
}

/** A new private key (64 hex digits) from the browser's (or Node's) cryptographic random source. */
export function newPrivateKey() {
  // 384 random bits reduced mod n−1, plus 1: uniform enough in [1, n−1]
  const random = BigInt(`0x${hex(crypto.getRandomValues(new Uint8Array(48)))}`)
  return ((random % (N - 1n)) + 1n).toString(16).padStart(64, '0')
}

/** The uncompressed public point 04 ‖ x ‖ y (130 hex digits) of a private key, refusing one outside [1, n−1]. */
export function publicPointOf(privateKeyHex) {
  const d = BigInt(`0x${privateKeyHex}`)
  if (d < 1n || d >= N) throw new Error('not an SM2 private key (outside [1, n−1])')
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex.padStart(64, '0'))
}

/** The key's fingerprint as the engine computes it: SM3 of the 65-byte uncompressed point. */
export function fingerprintOf(pointHex) {
  return sm3Hex(fromHex(pointHex))
}

/** SM3withSM2 (default user id) over the exact bytes, as DER bytes. */
export function signDer(bytes, privateKeyHex, pointHex) {
  return fromHex(sm2.doSignature(Array.from(bytes), privateKeyHex, { hash: true, der: true, publicKey: pointHex }))
}

/** Whether a DER signature over the bytes verifies with the public point (default user id). */
export function verifyDer(bytes, signature, pointHex) {
  return sm2.doVerifySignature(Array.from(bytes), hex(signature), pointHex, { hash: true, der: true })
}
