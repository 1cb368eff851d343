// SM2 keys as PEM: the private key from PKCS#8 (`PRIVATE KEY`, what the demo and
// `openssl genpkey -algorithm SM2` write) or SEC1 (`EC PRIVATE KEY` / `SM2 PRIVATE KEY`), and the
// public key as SubjectPublicKeyInfo (`PUBLIC KEY`), as the engine enrols it. A small DER reader
// is enough for these fixed structures (RFC 5208, RFC 5915, RFC 5480).
import { fromHex, hex, publicPointOf } from './sm2.js'

const OID_EC_PUBLIC_KEY = '2a8648ce3d0201' // 1.2.840.10045.2.1
const OID_SM2P256V1 = '2a811ccf5501822d' // 1.2.156.10197.1.301
// SEQUENCE { SEQUENCE { id-ecPublicKey, sm2p256v1 }, BIT STRING (no unused bits) … } before 04 ‖ x ‖ y
const SPKI_PREFIX = `3059301306072a8648ce3d02010608${OID_SM2P256V1}034200`

/** Why a PEM text is not an SM2 key this page can use; the message key is translated by the page. */
export class KeyFormatError extends Error {
  constructor(messageKey, detail) {
    super(detail || messageKey)
    this.messageKey = messageKey
  }
}

function pemBlock(text) {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text || '')
  if (!match) throw new KeyFormatError('keys.errors.notPem')
  const body = match[2].replace(/\s+/g, '')
  if (/^Proc-Type|:/.test(match[2].trim())) throw new KeyFormatError('keys.errors.encryptedPem')
  try {
    return { label: match[1], der: Uint8Array.from(atob(body), (c) => c.charCodeAt(0)) }
  } catch {
    throw new KeyFormatError('keys.errors.notPem')
  }
}

/** One DER element at `offset`: its tag, its content and where the next element starts. */
function element(der, offset = 0) {
  if (offset + 2 > der.length) throw new KeyFormatError('keys.errors.notDer')
  const tag = der[offset]
  let length = der[offset + 1]
  let start = offset + 2
  if (length & 0x80) {
    const octets = length & 0x7f
    if (octets < 1 || octets > 3) throw new KeyFormatError('keys.errors.notDer')
    length = 0
    for (let i = 0; i < octets; i += 1) length = (length << 8) | der[start + i]
    start += octets
  }
  if (start + length > der.length) throw new KeyFormatError('keys.errors.notDer')
  return { tag, content: der.subarray(start, start + length), end: start + length }
}

/** The elements inside a constructed element's content. */
function children(content) {
  const all = []
  for (let offset = 0; offset < content.length;) {
    const child = element(content, offset)
    all.push(child)
    offset = child.end
  }
  return all
}

function requireSm2Curve(oidHex) {
  if (oidHex !== undefined && oidHex !== OID_SM2P256V1) throw new KeyFormatError('keys.errors.notSm2')
}

/** ECPrivateKey (RFC 5915): version 1, the private key octets, optionally [0] the curve and [1] the public key. */
function fromEcPrivateKey(der, curveFromAlgorithm) {
  const [version, privateKey, ...optional] = children(element(der).content)
  if (version?.tag !== 0x02 || version.content[0] !== 1 || privateKey?.tag !== 0x04) {
    throw new KeyFormatError('keys.errors.notDer')
  }
  requireSm2Curve(curveFromAlgorithm)
  const curve = optional.find((e) => e.tag === 0xa0)
  if (curve) requireSm2Curve(hex(element(curve.content).content))
  if (privateKey.content.length > 32) throw new KeyFormatError('keys.errors.notSm2')
  const privateKeyHex = hex(privateKey.content).padStart(64, '0')
  const pointHex = publicPointOf(privateKeyHex)
  const publicKey = optional.find((e) => e.tag === 0xa1)
  if (publicKey && hex(element(publicKey.content).content.subarray(1)) !== pointHex) {
    throw new KeyFormatError('keys.errors.publicKeyMismatch')
  }
  return { privateKeyHex, pointHex }
}

/** PrivateKeyInfo (RFC 5208): the algorithm (id-ecPublicKey with sm2p256v1, or the SM2 OID itself) and the ECPrivateKey. */
function fromPkcs8(der) {
  const [, algorithm, privateKey] = children(element(der).content)
  if (algorithm?.tag !== 0x30 || privateKey?.tag !== 0x04) throw new KeyFormatError('keys.errors.notDer')
  const [oid, parameters] = children(algorithm.content)
  const oidHex = hex(oid.content)
  if (oidHex === OID_EC_PUBLIC_KEY) {
    if (parameters?.tag !== 0x06) throw new KeyFormatError('keys.errors.notSm2')
    return fromEcPrivateKey(privateKey.content, hex(parameters.content))
  }
  if (oidHex === OID_SM2P256V1) return fromEcPrivateKey(privateKey.content, OID_SM2P256V1)
  throw new KeyFormatError('keys.errors.notSm2')
}

/**
 * The private key (64 hex digits) and its public point (130 hex digits) from a PEM text holding a
 * PKCS#8 or SEC1 SM2 private key; a KeyFormatError says what is wrong with anything else.
 */
export function privateKeyFromPem(text) {
  const { label, der } = pemBlock(text)
  switch (label) {
    case 'PRIVATE KEY': return fromPkcs8(der)
    case 'EC PRIVATE KEY':
    case 'SM2 PRIVATE KEY': return fromEcPrivateKey(der)
    case 'ENCRYPTED PRIVATE KEY': throw new KeyFormatError('keys.errors.encryptedPem')
    default: throw new KeyFormatError('keys.errors.notPrivateKey')
  }
}

/** The PEM SubjectPublicKeyInfo of a public point, as the engine's enrolment takes it. */
export function publicKeyPem(pointHex) {
  const body = btoa(String.fromCharCode(...fromHex(SPKI_PREFIX + pointHex)))
  return `-----BEGIN PUBLIC KEY-----\n${body.match(/.{1,64}/g).join('\n')}\n-----END PUBLIC KEY-----\n`
}

/** The public point of a PEM SubjectPublicKeyInfo on sm2p256v1. */
export function pointFromPublicKeyPem(text) {
  const { label, der } = pemBlock(text)
  const hexDer = hex(der)
  if (label !== 'PUBLIC KEY' || !hexDer.startsWith(SPKI_PREFIX) || hexDer.length !== SPKI_PREFIX.length + 130) {
    throw new KeyFormatError('keys.errors.notSm2')
  }
  return hexDer.slice(SPKI_PREFIX.length)
}
