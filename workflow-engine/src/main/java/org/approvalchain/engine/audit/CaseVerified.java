package org.approvalchain.engine.audit;

/** A case was verified against the chain (through the API or the command line), with what was found. */
public record CaseVerified(Verification verification) {
}
