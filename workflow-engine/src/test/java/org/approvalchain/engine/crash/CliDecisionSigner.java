package org.approvalchain.engine.crash;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.approvalchain.engine.signing.cli.SignDecision;

/**
 * What the approver's own client runs to sign a decision: the {@link SignDecision} command-line
 * signer with the approver's key file, SM3withSM2 over the exact payload bytes, base64 DER.
 */
record CliDecisionSigner(Path keyFile) {

    /** The demo approver whose client the crash tests play. */
    static final String APPROVER = "wang.fang";

    /** {@link #APPROVER}'s key, as the demo profile leaves it under the data directory. */
    static CliDecisionSigner demoApprover(Path dataDir) {
        return new CliDecisionSigner(dataDir.resolve("demo-keys").resolve(APPROVER + ".key.pem"));
    }

    String sign(String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SignDecision.run(new String[] {"--key", keyFile.toString()},
                new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new AssertionError("signing failed (" + exit + "): " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }
}
