package org.approvalchain.engine.signing;

/** What an approver decided on a manual task; written in the payload under its constant name. */
public enum Decision {
    APPROVE,
    REJECT,
    RETURN_FOR_CORRECTION
}
