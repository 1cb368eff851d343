package org.approvalchain.engine.process;

/** The exact bytes (as UTF-8 text) an approver signs for a decision, and their SM3 hash. */
public record PayloadToSign(String payload, String sm3) {
}
