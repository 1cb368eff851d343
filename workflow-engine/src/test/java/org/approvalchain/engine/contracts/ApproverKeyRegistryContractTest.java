package org.approvalchain.engine.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ApproverKeyRegistryContract;
import org.approvalchain.contracts.ApproverKeyRegistryContract.KeyRegistration;
import org.approvalchain.contracts.ChainCrypto;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApproverKeyRegistryContractTest {

    private static final byte[] CHALLENGE = {'{', '}'};
    private static final byte[] PROOF = {0x30, 0x44};

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void keepsEveryKeyWithItsProofAndApprovalsAndEndsThePreviousOneOnRotation(ChainCrypto crypto) {
        ApproverKeyRegistryContract keys = new ApproverKeyRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(keys, "市场监督管理局");
            var receipt = chain.ok(chain.department, at, keys.registerKey("wang.fang", point(1), 1_000, "demo", "he.ping", CHALLENGE, PROOF));
            assertThat(keys.keyRegistered(receipt.logs().get(0).topics(), receipt.logs().get(0).data())).get()
                    .satisfies(e -> assertThat(e.index()).isZero());
            chain.ok(chain.department, at, keys.registerKey("wang.fang", point(2), 5_000, "he.ping", "demo", CHALLENGE, PROOF));

            assertThat(keys.decodeKeyCount(chain.read(at, keys.keyCount("wang.fang")))).isEqualTo(2);
            KeyRegistration first = registration(chain, at, keys, 0);
            assertThat(first.publicKey()).isEqualTo(point(1));
            assertThat(first.validFrom()).isEqualTo(1_000);
            assertThat(first.validUntil()).as("ended by the second key").isEqualTo(5_000);
            assertThat(first.approvedBy()).isEqualTo("demo");
            assertThat(first.confirmedBy()).isEqualTo("he.ping");
            assertThat(first.challenge()).isEqualTo(CHALLENGE);
            assertThat(first.proof()).isEqualTo(PROOF);
            assertThat(first.registeredAt()).isPositive().isLessThanOrEqualTo(chain.now());
            assertThat(first.validAt(4_999)).isTrue();
            assertThat(first.validAt(5_000)).isFalse();

            chain.ok(chain.department, at, keys.revokeKey("wang.fang", 1, 7_000, "wang.fang"));
            KeyRegistration second = registration(chain, at, keys, 1);
            assertThat(second.validUntil()).isEqualTo(7_000);
            assertThat(second.revokedBy()).isEqualTo("wang.fang");
            assertThat(chain.reverts(chain.department, at, keys.revokeKey("wang.fang", 1, 8_000, "demo")))
                    .isEqualTo("ApproverKeyRegistry: key already revoked");
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void refusesKeysWithoutProofOrFourEyesAndOutsiders(ChainCrypto crypto) {
        ApproverKeyRegistryContract keys = new ApproverKeyRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(keys, "dept");
            assertThat(chain.reverts(chain.department, at, keys.registerKey("li.na", point(3), 1, "demo", "he.ping", CHALLENGE,
                    new byte[0]))).isEqualTo("ApproverKeyRegistry: no proof of possession");
            assertThat(chain.reverts(chain.department, at, keys.registerKey("li.na", point(3), 1, "demo", "demo", CHALLENGE,
                    PROOF))).isEqualTo("ApproverKeyRegistry: the two administrators must differ");
            assertThat(chain.reverts(chain.department, at, keys.registerKey("li.na", point(3), 1, "li.na", "demo", CHALLENGE,
                    PROOF))).isEqualTo("ApproverKeyRegistry: approvers cannot approve their own key");
            assertThat(chain.reverts(chain.department, at, keys.registerKey("li.na", new byte[33], 1, "demo", "he.ping",
                    CHALLENGE, PROOF))).isEqualTo("ApproverKeyRegistry: the public key is not an uncompressed point");
            assertThat(chain.reverts(chain.outsider, at, keys.registerKey("li.na", point(3), 1, "demo", "he.ping", CHALLENGE,
                    PROOF))).isEqualTo("Access: caller is not a department writer");
            chain.ok(chain.department, at, keys.registerKey("li.na", point(3), 1, "demo", "he.ping", CHALLENGE, PROOF));
            assertThat(chain.reverts(chain.department, at, keys.registerKey("zhao.lei", point(3), 2, "demo", "he.ping",
                    CHALLENGE, PROOF))).isEqualTo("ApproverKeyRegistry: key already registered");
            assertThat(keys.decodeKeyCount(chain.read(at, keys.keyCount("zhao.lei")))).isZero();
        }
    }

    private static KeyRegistration registration(TestChain chain, String at, ApproverKeyRegistryContract keys, long index) {
        return keys.decodeRegistration(index, chain.read(at, keys.getKey("wang.fang", index)),
                chain.read(at, keys.getApproval("wang.fang", index)));
    }

    /** A stand-in uncompressed point: 0x04, then 64 bytes of {@code fill}. */
    private static byte[] point(int fill) {
        byte[] point = new byte[65];
        Arrays.fill(point, (byte) fill);
        point[0] = 4;
        return point;
    }
}
