// The approver's signer: the one module page code signs through. A signer is
//   { fingerprint, publicKeyPem(), sign(bytes) -> Promise<base64 DER SM3withSM2 signature> }
// and this implementation keeps the key in the browser (keyStore.js). A USB key (SKF, GM/T 0016)
// or a collaborative mobile signer replaces it by providing the same three members and the same
// unlock step (its PIN instead of the passphrase); pages never see key material. See docs/web.md.
import { BACKUP_FORMAT, keep, sealedKeysOf, seal, unseal } from './keyStore.js'
import { KeyFormatError, privateKeyFromPem, publicKeyPem } from './pem.js'
import { base64, fingerprintOf, newPrivateKey, publicPointOf, signDer } from './sm2.js'

export { KeyFormatError } from './pem.js'
export { WrongPassphraseError } from './keyStore.js'

const MIN_PASSPHRASE = 8

function describe(record) {
  return { fingerprint: record.fingerprint, publicKeyPem: publicKeyPem(record.publicKey), createdAt: record.createdAt }
}

async function store(userId, privateKeyHex, passphrase) {
  if ((passphrase || '').length < MIN_PASSPHRASE) throw new KeyFormatError('keys.errors.shortPassphrase')
  const pointHex = publicPointOf(privateKeyHex)
  const record = await seal({ privateKeyHex, pointHex, fingerprint: fingerprintOf(pointHex) }, passphrase)
  await keep(userId, record)
  return describe(record)
}

/** The keys this browser holds for the user: fingerprint, PEM public key, when made or imported. */
export async function browserKeys(userId) {
  return (await sealedKeysOf(userId)).map(describe)
}

/** Makes a new key pair in the browser and keeps it under the passphrase. */
export function generateKey(userId, passphrase) {
  return store(userId, newPrivateKey(), passphrase)
}

/** Imports a PEM private key (PKCS#8 or SEC1) and keeps it under the passphrase. */
export function importPemKey(userId, pem, passphrase) {
  return store(userId, privateKeyFromPem(pem).privateKeyHex, passphrase)
}

/** Restores a backup (a sealed record as exported) after checking that its passphrase opens it. */
export async function importBackup(userId, text, passphrase) {
  let record
  try {
    record = JSON.parse(text)
  } catch {
    throw new KeyFormatError('keys.errors.notBackup')
  }
  if (record?.format !== BACKUP_FORMAT || record.v !== 1) throw new KeyFormatError('keys.errors.notBackup')
  const privateKeyHex = await unseal(record, passphrase)
  if (publicPointOf(privateKeyHex) !== record.publicKey || fingerprintOf(record.publicKey) !== record.fingerprint) {
    throw new KeyFormatError('keys.errors.publicKeyMismatch')
  }
  await keep(userId, record)
  return describe(record)
}

/** The encrypted backup of one key, as JSON text (still sealed under its passphrase). */
export async function backupOf(userId, fingerprint) {
  const { userId: _owner, ...record } = (await sealedKeysOf(userId)).find((r) => r.fingerprint === fingerprint)
  return JSON.stringify(record, null, 2)
}

/** Opens the user's key with the passphrase: a signer for it. WrongPassphraseError if it does not open. */
export async function unlockSigner(userId, fingerprint, passphrase) {
  const record = (await sealedKeysOf(userId)).find((r) => r.fingerprint === fingerprint)
  if (!record) throw new KeyFormatError('keys.errors.notInBrowser')
  const privateKeyHex = await unseal(record, passphrase)
  return {
    fingerprint,
    publicKeyPem: () => publicKeyPem(record.publicKey),
    sign: async (bytes) => base64(signDer(bytes, privateKeyHex, record.publicKey)),
  }
}
