// The canonical bytes of decision payloads, key challenges and case-state documents
// (docs/decision-payload.md): RFC 8785 (JCS) for the values these hold — objects with keys in
// lexicographic order at every level, no whitespace, strings escaped as JSON.stringify does (every
// other character literally), integers as plain decimal — then UTF-8.

/** The canonical JSON text of a value made of objects, arrays, strings, integers, booleans and null. */
export function canonicalJson(value) {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`)
    return String(value)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    // code-unit order, as JCS sorts keys (Array.prototype.sort compares UTF-16 code units)
    const keys = Object.keys(value).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`
  }
  throw new Error(`cannot canonicalise a ${typeof value}`)
}

/** The UTF-8 bytes of a text (strings with unpaired surrogates are refused). */
export function utf8(text) {
  if (!text.isWellFormed()) throw new Error('text holds an unpaired surrogate')
  return new TextEncoder().encode(text)
}
