package org.approvalchain.engine.process;

import org.approvalchain.engine.signing.CaseStateDocument;

/**
 * The exact bytes (as UTF-8 text) an approver signs for a decision, their SM3 hash, and the case
 * state they cover in full: a client shows {@code caseState} and recomputes its SM3 (the payload's
 * {@code caseState}) from its canonical JSON, so the approver sees what they sign.
 */
public record PayloadToSign(String payload, String sm3, CaseStateDocument caseState) {
}
