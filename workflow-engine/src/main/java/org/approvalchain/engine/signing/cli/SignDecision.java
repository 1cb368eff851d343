package org.approvalchain.engine.signing.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.approvalchain.engine.signing.DecisionPayload;
import org.approvalchain.engine.signing.InvalidDecisionPayloadException;
import org.approvalchain.engine.signing.KeyChallenge;

/**
 * Signs a decision payload the way an approver's client must: the exact canonical bytes, with the
 * approver's own SM2 key, SM3withSM2 and the default user id, DER, printed as base64. It refuses
 * bytes that are not a canonical payload (the engine would refuse the signature anyway) and shows
 * on stderr what is being signed. {@code --generate} writes a demo key pair.
 */
public final class SignDecision {

    static final String USAGE = """
            usage: sign-decision --key <private-key.pem> [--payload <file> | --payload -]
                     signs the exact bytes of a canonical decision payload or key-enrolment challenge (file,
                     or stdin if - or absent) with an SM2 PKCS#8 key; prints the DER signature in base64
                   sign-decision --generate <dir> <userId>
                     writes <dir>/<userId>.key.pem (PKCS#8, mode 600) and <dir>/<userId>.pub.pem (SPKI)
                   sign-decision --help
                     shows this""";
    private static final Pattern SAFE_USER_ID = Pattern.compile("[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,127}");

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    SignDecision(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command; returns the exit code: 0 done (or the usage asked for), 1 refused or failed, 2 wrong usage. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        SignDecision command = new SignDecision(in, out, err);
        try {
            List<String> list = List.of(args);
            if (list.size() == 1 && (list.get(0).equals("--help") || list.get(0).equals("-h"))) {
                out.println(USAGE);
                return 0;
            }
            if (list.size() == 3 && list.get(0).equals("--generate")) {
                return command.generate(Path.of(list.get(1)), list.get(2));
            }
            if (list.size() >= 2 && list.get(0).equals("--key")) {
                if (list.size() == 2) {
                    return command.sign(Path.of(list.get(1)), "-");
                }
                if (list.size() == 4 && list.get(2).equals("--payload")) {
                    return command.sign(Path.of(list.get(1)), list.get(3));
                }
            }
            err.println(USAGE);
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int sign(Path keyFile, String payloadSource) throws IOException {
        SigningKey key = SigningKey.fromPem(Files.readString(keyFile, StandardCharsets.US_ASCII));
        byte[] payload = payloadSource.equals("-") ? in.readAllBytes() : Files.readAllBytes(Path.of(payloadSource));
        if (isKeyChallenge(payload)) {
            return proveKey(key, payload);
        }
        DecisionPayload decision;
        try {
            decision = DecisionPayload.parse(payload);
        } catch (InvalidDecisionPayloadException e) {
            err.println("refusing to sign: the payload is not a canonical decision payload: " + e.getMessage());
            return 1;
        }
        if (decision.version() != DecisionPayload.FORMAT_VERSION) {
            err.println("refusing to sign: payload format v=" + decision.version() + " has no caseState and is no longer "
                    + "accepted; fetch a v=" + DecisionPayload.FORMAT_VERSION + " payload");
            return 1;
        }
        err.printf("signing %s on case %s, task %s (%s, %s v%d)%n  case state SM3 %s%n  payload SM3 %s%n  key %s%n",
                decision.decision(), decision.caseId(), decision.taskId(), decision.activityId(),
                decision.processDefinitionId(), decision.processVersion(), decision.caseState(), decision.sm3Hex(),
                key.publicKey().fingerprint());
        out.println(Base64.getEncoder().encodeToString(key.sign(payload)));
        return 0;
    }

    private static boolean isKeyChallenge(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).contains("\"purpose\":\"" + KeyChallenge.PURPOSE + "\"");
    }

    /** Signs a key-enrolment challenge, only with the key it names: that signature proves possession of it. */
    private int proveKey(SigningKey key, byte[] bytes) {
        KeyChallenge challenge = KeyChallenge.parse(bytes);
        if (!challenge.publicKey().equals(key.publicKey())) {
            err.println("refusing to sign: the challenge is for key " + challenge.publicKey().fingerprint()
                    + ", this private key is of " + key.publicKey().fingerprint());
            return 1;
        }
        err.printf("proving possession of key %s for %s%n", key.publicKey().fingerprint(), challenge.approverId());
        out.println(Base64.getEncoder().encodeToString(key.sign(bytes)));
        return 0;
    }

    private int generate(Path dir, String userId) throws IOException {
        if (!SAFE_USER_ID.matcher(userId).matches()) {
            throw new IllegalArgumentException("user id " + userId + " is not usable as a file name (letters, digits, . _ @ -)");
        }
        SigningKey key = SigningKey.generate();
        Files.createDirectories(dir);
        Path privateFile = dir.resolve(userId + ".key.pem");
        Path publicFile = dir.resolve(userId + ".pub.pem");
        if (Files.exists(privateFile) || Files.exists(publicFile)) {
            throw new IllegalArgumentException("refusing to overwrite " + privateFile + " or " + publicFile);
        }
        writeOwnerOnly(privateFile, key.toPem());
        Files.writeString(publicFile, key.publicKey().toPem(), StandardCharsets.US_ASCII);
        err.printf("wrote %s (keep it private) and %s%n  fingerprint %s%n", privateFile, publicFile, key.publicKey().fingerprint());
        out.println(key.publicKey().fingerprint());
        return 0;
    }

    /** Created with mode 600 from the start, so the key is never readable by others, even briefly. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
