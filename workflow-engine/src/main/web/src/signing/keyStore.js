// Private keys at rest in the browser: encrypted under the approver's passphrase (WebCrypto
// PBKDF2-SHA-256 with a random 16-byte salt and 600 000 iterations, then AES-256-GCM with a random
// 12-byte IV and the key's fingerprint as additional data) and kept in IndexedDB, per user. The
// plain private key exists only in memory, inside the signing module, while a signature is made.
// A sealed record is also the backup format: it can leave the browser as it is.
import { base64, fromBase64, fromHex, hex } from './sm2.js'

const DB = 'approvalchain-keys'
const STORE = 'keys'
const ITERATIONS = 600000
export const BACKUP_FORMAT = 'approvalchain-sm2-key-backup'

/** The passphrase does not open the key (AES-GCM refused to decrypt). */
export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong passphrase')
    this.messageKey = 'keys.errors.wrongPassphrase'
  }
}

async function wrappingKey(passphrase, salt, iterations, usage) {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material,
    { name: 'AES-GCM', length: 256 }, false, [usage])
}

/** Encrypts a private key under a passphrase: the record kept in IndexedDB and exported as backup. */
export async function seal({ privateKeyHex, pointHex, fingerprint }, passphrase) {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const key = await wrappingKey(passphrase, salt, ITERATIONS, 'encrypt')
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(fingerprint) },
    key, fromHex(privateKeyHex))
  return {
    format: BACKUP_FORMAT,
    v: 1,
    fingerprint,
    publicKey: pointHex,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: ITERATIONS, salt: base64(salt) },
    cipher: { name: 'AES-GCM', iv: base64(iv) },
    ciphertext: base64(new Uint8Array(ciphertext)),
    createdAt: new Date().toISOString(),
  }
}

/** The private key (hex) of a sealed record; WrongPassphraseError when the passphrase does not open it. */
export async function unseal(record, passphrase) {
  const key = await wrappingKey(passphrase, fromBase64(record.kdf.salt), record.kdf.iterations, 'decrypt')
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(record.cipher.iv),
      additionalData: new TextEncoder().encode(record.fingerprint) }, key, fromBase64(record.ciphertext))
    return hex(new Uint8Array(plain))
  } catch {
    throw new WrongPassphraseError()
  }
}

function database() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: ['userId', 'fingerprint'] })
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function inStore(mode, work) {
  const db = await database()
  try {
    return await new Promise((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE))
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
  } finally {
    db.close()
  }
}

/** Keeps a sealed record as one of the user's keys (replacing the same key's earlier record). */
export function keep(userId, record) {
  return inStore('readwrite', (store) => store.put({ ...record, userId }))
}

/** The user's sealed records, oldest first. */
export async function sealedKeysOf(userId) {
  const all = await inStore('readonly', (store) => store.getAll(IDBKeyRange.bound([userId, ''], [userId, '\uffff'])))
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}
