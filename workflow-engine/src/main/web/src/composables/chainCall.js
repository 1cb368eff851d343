// What a chain transaction did, as the explorer names it: a step recorded with its call
// (CaseLedger.recordCall) is named by the call it made for its sender, the case ledger's own call
// being the way it went on chain; any other transaction by its own call.

/** `Contract.function`, the contract alone when the call was not decoded, null when neither is known. */
export function callName(call) {
  if (!call?.contract) return call?.function ?? null
  return call.function ? `${call.contract}.${call.function}` : call.contract
}

/** The call to show first (`shown`) and, when it was forwarded, the call that carried it (`via`, else null). */
export function whatItDid(tx) {
  return tx.forwarded ? { shown: tx.forwarded, via: tx } : { shown: tx, via: null }
}
