/**
 * The reference command-line signer: what an approver's own client does with a private key that
 * never leaves the approver's machine. It also generates demo key pairs (the demo uses it so).
 * Usage in docs/decision-payload.md.
 */
@NamedInterface("cli")
package org.approvalchain.engine.signing.cli;

import org.springframework.modulith.NamedInterface;
