package org.approvalchain.engine.contracts;

import static org.approvalchain.engine.contracts.TestChain.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bouncycastle.util.Arrays.concatenate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.DecisionRegistryContract.Decision;
import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.engine.crypto.Sm2;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DecisionRegistryContractTest {

    /** An uncompressed point: 0x04, then x = 1, 2, …, 32 and y = 33, …, 64. */
    private static final byte[] PUBLIC_KEY = point((byte) 4);
    private static final byte[] PAYLOAD = filled(7);
    /** r = 0x80 01 … 01 (high bit set: DER puts a zero byte before it) and s = 0x7f (1 byte). */
    private static final BigInteger HIGH_BIT_R = new BigInteger("80" + "01".repeat(31), 16);
    private static final BigInteger ELEVENS = new BigInteger("11".repeat(32), 16);
    private static final byte[] SIGNATURE = der(HIGH_BIT_R, BigInteger.valueOf(0x7f));

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void recordsOneSignedDecisionPerTask(ChainCrypto crypto) {
        DecisionRegistryContract decisions = new DecisionRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(decisions, "市场监督管理局");
            TransactionReceipt receipt = chain.ok(chain.department, at,
                    decisions.recordDecision("case-1", "task-1", "official-7", PUBLIC_KEY, Decision.RETURN_FOR_CORRECTION, PAYLOAD, SIGNATURE));

            assertThat(decisions.decisionRecorded(receipt.logs().get(0).topics(), receipt.logs().get(0).data())).get()
                    .satisfies(e -> {
                        assertThat(e.caseId()).isEqualTo("case-1");
                        assertThat(e.taskId()).isEqualTo("task-1");
                        assertThat(e.approverId()).isEqualTo("official-7");
                        assertThat(e.decision()).isEqualTo(Decision.RETURN_FOR_CORRECTION);
                        assertThat(e.payloadHash()).isEqualTo(PAYLOAD);
                    });
            var record = decisions.decodeDecision(chain.read(at, decisions.getDecision("case-1", "task-1"))).orElseThrow();
            assertThat(record.approverId()).isEqualTo("official-7");
            assertThat(record.approverPublicKey()).isEqualTo(PUBLIC_KEY);
            assertThat(record.decision()).isEqualTo(Decision.RETURN_FOR_CORRECTION);
            assertThat(record.payloadHash()).isEqualTo(PAYLOAD);
            assertThat(record.signature()).isEqualTo(SIGNATURE);
            assertThat(record.recordedAt()).isPositive().isLessThanOrEqualTo(chain.now());
            assertThat(decisions.decodeDecision(chain.read(at, decisions.getDecision("case-1", "task-2")))).isEmpty();

            assertThat(chain.reverts(chain.department, at,
                    decisions.recordDecision("case-1", "task-1", "official-8", PUBLIC_KEY, Decision.APPROVE, PAYLOAD, SIGNATURE)))
                    .isEqualTo("DecisionRegistry: decision already recorded");
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void rejectsIncompleteDecisionsAndOutsiders(ChainCrypto crypto) {
        DecisionRegistryContract decisions = new DecisionRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(decisions, "dept");
            assertThat(chain.reverts(chain.department, at,
                    decisions.recordDecision("c", "t", "", PUBLIC_KEY, Decision.APPROVE, PAYLOAD, SIGNATURE)))
                    .isEqualTo("DecisionRegistry: empty approver id");
            for (byte[] notAPoint : new byte[][] {new byte[0], point((byte) 2), Arrays.copyOf(PUBLIC_KEY, 64),
                    Arrays.copyOf(PUBLIC_KEY, 66)}) {
                assertThat(chain.reverts(chain.department, at,
                        decisions.recordDecision("c", "t", "official", notAPoint, Decision.APPROVE, PAYLOAD, SIGNATURE)))
                        .isEqualTo("DecisionRegistry: the public key is not an uncompressed point");
            }
            assertThat(chain.reverts(chain.department, at,
                    decisions.recordDecision("c", "t", "official", PUBLIC_KEY, Decision.APPROVE, PAYLOAD, new byte[0])))
                    .isEqualTo("DecisionRegistry: empty signature");
            assertThat(chain.reverts(chain.outsider, at,
                    decisions.recordDecision("c", "t", "official", PUBLIC_KEY, Decision.APPROVE, PAYLOAD, SIGNATURE)))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(chain.reverts(chain.department, at, decisions.grantWriter(chain.outsider.address(), "self-granted")))
                    .isEqualTo("Access: caller is not the admin");
            assertThat(decisions.decodeDecision(chain.read(at, decisions.getDecision("c", "t")))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void keepsTheSignatureAsItsTwoIntegersAndReturnsItsDerByteForByte(ChainCrypto crypto) {
        DecisionRegistryContract decisions = new DecisionRegistryContract(new AbiCodec(crypto));
        byte[][] signatures = {
                SIGNATURE,
                der(ELEVENS, HIGH_BIT_R),
                der(BigInteger.ZERO, BigInteger.ONE),
                der(BigInteger.valueOf(0xff), new BigInteger("11".repeat(31), 16))};
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(decisions, "dept");
            for (int i = 0; i < signatures.length; i++) {
                chain.ok(chain.department, at,
                        decisions.recordDecision("c", "t" + i, "official", PUBLIC_KEY, Decision.APPROVE, PAYLOAD, signatures[i]));
                assertThat(decisions.decodeDecision(chain.read(at, decisions.getDecision("c", "t" + i))).orElseThrow().signature())
                        .isEqualTo(signatures[i]);
            }
            // the refused ones, made by hand from the INTEGERs of a good one
            byte[] elevens = ELEVENS.toByteArray();
            byte[] r = concatenate(new byte[] {0x02, 0x20}, elevens);
            byte[] s = {0x02, 0x01, 0x7f};
            byte[] good = sequence(r, s);
            assertThat(good).isEqualTo(der(ELEVENS, BigInteger.valueOf(0x7f)));
            byte[] paddedWithoutNeed = {0x02, 0x02, 0x00, 0x7f};
            byte[] negative = {0x02, 0x01, (byte) 0x80};
            byte[] thirtyThreeBytes = concatenate(new byte[] {0x02, 0x21, 0x01}, elevens);  // beyond 256 bits
            byte[] longForm = concatenate(new byte[] {0x30, (byte) 0x81, (byte) (good.length - 2)}, Arrays.copyOfRange(good, 2, good.length));
            for (byte[] notDer : new byte[][] {
                    concatenate(elevens, elevens),                     // raw r‖s
                    sequence(paddedWithoutNeed, s), sequence(r, negative), sequence(thirtyThreeBytes, s),
                    Arrays.copyOf(good, good.length + 1),               // a byte after the SEQUENCE
                    Arrays.copyOf(good, good.length - 1),               // cut short
                    withByte(good, 1, good[1] + 1), withByte(good, 0, 0x31), withByte(good, 2, 0x03), longForm,
                    new byte[] {9, 8, 7}}) {
                assertThat(chain.reverts(chain.department, at,
                        decisions.recordDecision("c", "refused", "official", PUBLIC_KEY, Decision.APPROVE, PAYLOAD, notDer)))
                        .as("%s", HexFormat.of().formatHex(notDer))
                        .isEqualTo("DecisionRegistry: the signature is not a DER-encoded (r, s)");
            }
        }
    }

    /** The DER signature the engine's SM2 signer gives for (r, s): Bouncy Castle's, as in DecisionSignatureVerifier. */
    private static byte[] der(BigInteger r, BigInteger s) {
        try {
            return StandardDSAEncoding.INSTANCE.encode(Sm2.DOMAIN.getN(), r, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sequence(byte[] r, byte[] s) {
        return concatenate(new byte[] {0x30, (byte) (r.length + s.length)}, r, s);
    }

    private static byte[] withByte(byte[] bytes, int at, int value) {
        byte[] changed = bytes.clone();
        changed[at] = (byte) value;
        return changed;
    }

    private static byte[] point(byte prefix) {
        byte[] point = new byte[65];
        point[0] = prefix;
        for (int i = 1; i < point.length; i++) {
            point[i] = (byte) i;
        }
        return point;
    }
}
