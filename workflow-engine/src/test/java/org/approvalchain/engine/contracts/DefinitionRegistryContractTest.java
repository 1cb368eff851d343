package org.approvalchain.engine.contracts;

import static org.approvalchain.engine.contracts.TestChain.filled;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.DefinitionRegistryContract;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DefinitionRegistryContractTest {

    private static final byte[] BPMN = filled(1);
    private static final byte[] AUTOMATION_MAP = filled(2);

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void anchorsEachProcessVersionOnce(ChainCrypto crypto) {
        DefinitionRegistryContract definitions = new DefinitionRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(definitions, "政务服务管理办公室");
            TransactionReceipt receipt = chain.ok(chain.department, at, definitions.anchor("business-registration", 3, BPMN, AUTOMATION_MAP));

            assertThat(definitions.definitionAnchored(receipt.logs().get(0).topics(), receipt.logs().get(0).data())).get()
                    .satisfies(e -> {
                        assertThat(e.processKey()).isEqualTo("business-registration");
                        assertThat(e.version()).isEqualTo(3);
                        assertThat(e.bpmnHash()).isEqualTo(BPMN);
                        assertThat(e.automationMapHash()).isEqualTo(AUTOMATION_MAP);
                    });
            var anchor = definitions.decodeAnchor(chain.read(at, definitions.getAnchor("business-registration", 3))).orElseThrow();
            assertThat(anchor.bpmnHash()).isEqualTo(BPMN);
            assertThat(anchor.automationMapHash()).isEqualTo(AUTOMATION_MAP);
            assertThat(anchor.anchoredBy()).isEqualTo(chain.department.address());
            assertThat(anchor.anchoredAt()).isPositive().isLessThanOrEqualTo(chain.now());
            assertThat(definitions.decodeAnchor(chain.read(at, definitions.getAnchor("business-registration", 4)))).isEmpty();

            assertThat(chain.reverts(chain.department, at, definitions.anchor("business-registration", 3, filled(9), AUTOMATION_MAP)))
                    .isEqualTo("DefinitionRegistry: version already anchored");
            chain.ok(chain.department, at, definitions.anchor("business-registration", 4, filled(9), AUTOMATION_MAP));
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void rejectsIncompleteAnchorsAndOutsiders(ChainCrypto crypto) {
        DefinitionRegistryContract definitions = new DefinitionRegistryContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(definitions, "dept");
            assertThat(chain.reverts(chain.department, at, definitions.anchor("", 1, BPMN, AUTOMATION_MAP)))
                    .isEqualTo("DefinitionRegistry: empty process key");
            assertThat(chain.reverts(chain.department, at, definitions.anchor("p", 0, BPMN, AUTOMATION_MAP)))
                    .isEqualTo("DefinitionRegistry: version must be positive");
            assertThat(chain.reverts(chain.department, at, definitions.anchor("p", 1, new byte[32], AUTOMATION_MAP)))
                    .isEqualTo("DefinitionRegistry: empty BPMN hash");
            assertThat(chain.reverts(chain.outsider, at, definitions.anchor("p", 1, BPMN, AUTOMATION_MAP)))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(chain.reverts(chain.department, at, definitions.grantWriter(chain.outsider.address(), "self-granted")))
                    .isEqualTo("Access: caller is not the admin");
            assertThat(definitions.decodeAnchor(chain.read(at, definitions.getAnchor("p", 1)))).isEmpty();
        }
    }
}
