package org.approvalchain.engine.contracts;

import static org.approvalchain.engine.contracts.TestChain.filled;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.DecisionRegistryContract.Decision;
import org.approvalchain.contracts.DecisionRegistryContract;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DecisionRegistryContractTest {

    /** An uncompressed point: 0x04, then x = 1, 2, …, 32 and y = 33, …, 64. */
    private static final byte[] PUBLIC_KEY = point((byte) 4);
    private static final byte[] PAYLOAD = filled(7);
    private static final byte[] SIGNATURE = new byte[] {9, 8, 7};

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

    private static byte[] point(byte prefix) {
        byte[] point = new byte[65];
        point[0] = prefix;
        for (int i = 1; i < point.length; i++) {
            point[i] = (byte) i;
        }
        return point;
    }
}
