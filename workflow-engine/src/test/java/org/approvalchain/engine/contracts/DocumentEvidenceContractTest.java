package org.approvalchain.engine.contracts;

import static org.approvalchain.engine.contracts.TestChain.filled;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.DocumentEvidenceContract;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentEvidenceContractTest {

    private static final byte[] DOCUMENT = filled(5);

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void anchorsAndRevokesADocumentOnceByItsIssuer(ChainCrypto crypto) {
        DocumentEvidenceContract evidence = new DocumentEvidenceContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(evidence, "公安局");
            TransactionReceipt anchored = chain.ok(chain.department, at, evidence.anchor(DOCUMENT, "户籍证明"));
            assertThat(evidence.documentAnchored(anchored.logs().get(0).topics(), anchored.logs().get(0).data())).get()
                    .satisfies(e -> {
                        assertThat(e.documentHash()).isEqualTo(DOCUMENT);
                        assertThat(e.issuer()).isEqualTo(chain.department.address());
                        assertThat(e.documentType()).isEqualTo("户籍证明");
                    });
            var record = evidence.decodeEvidence(chain.read(at, evidence.verify(DOCUMENT)));
            assertThat(record.anchored()).isTrue();
            assertThat(record.issuer()).isEqualTo(chain.department.address());
            assertThat(record.issuerDepartment()).isEqualTo("公安局");
            assertThat(record.documentType()).isEqualTo("户籍证明");
            assertThat(record.anchoredAt()).isPositive().isLessThanOrEqualTo(chain.now());
            assertThat(record.revoked()).isFalse();
            assertThat(evidence.decodeEvidence(chain.read(at, evidence.verify(filled(6)))).anchored()).isFalse();
            assertThat(chain.reverts(chain.admin, at, evidence.anchor(DOCUMENT, "其他")))
                    .isEqualTo("DocumentEvidence: document already anchored");

            TransactionReceipt revoked = chain.ok(chain.department, at, evidence.revoke(DOCUMENT, "issued in error"));
            assertThat(evidence.documentRevoked(revoked.logs().get(0).topics(), revoked.logs().get(0).data())).get()
                    .satisfies(e -> {
                        assertThat(e.documentHash()).isEqualTo(DOCUMENT);
                        assertThat(e.issuer()).isEqualTo(chain.department.address());
                        assertThat(e.reason()).isEqualTo("issued in error");
                    });
            assertThat(evidence.decodeEvidence(chain.read(at, evidence.verify(DOCUMENT))).revoked()).isTrue();
            assertThat(chain.reverts(chain.department, at, evidence.revoke(DOCUMENT, "again")))
                    .isEqualTo("DocumentEvidence: document already revoked");
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void checksAMaterialForACaseAndRecordsTheAnswer(ChainCrypto crypto) {
        DocumentEvidenceContract evidence = new DocumentEvidenceContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(evidence, "公安局");
            chain.ok(chain.department, at, evidence.anchor(DOCUMENT, "household-register"));

            assertThat(checked(chain, evidence, at, DOCUMENT, "household-register")).isTrue();
            assertThat(checked(chain, evidence, at, DOCUMENT, "property-title")).as("anchored as another type").isFalse();
            assertThat(checked(chain, evidence, at, filled(6), "household-register")).as("never anchored").isFalse();
            chain.ok(chain.department, at, evidence.revoke(DOCUMENT, "issued in error"));
            assertThat(checked(chain, evidence, at, DOCUMENT, "household-register")).as("revoked").isFalse();
            assertThat(chain.reverts(chain.outsider, at, evidence.check("case-1", DOCUMENT, "household-register")))
                    .isEqualTo("Access: caller is not a department writer");
        }
    }

    /** Sends check() for case-1 and returns what the EvidenceChecked event says. */
    private static boolean checked(TestChain chain, DocumentEvidenceContract evidence, String at, byte[] document, String type) {
        TransactionReceipt receipt = chain.ok(chain.department, at, evidence.check("case-1", document, type));
        var event = evidence.evidenceChecked(receipt.logs().get(0).topics(), receipt.logs().get(0).data()).orElseThrow();
        assertThat(event.caseId()).isEqualTo("case-1");
        assertThat(event.documentHash()).isEqualTo(document);
        assertThat(event.documentType()).isEqualTo(type);
        return event.valid();
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void rejectsEmptyOrUnknownDocumentsOutsidersAndOtherIssuers(ChainCrypto crypto) {
        DocumentEvidenceContract evidence = new DocumentEvidenceContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(evidence, "公安局");
            TransactionSigner otherDepartment = TransactionSigner.newAccount(crypto);
            chain.ok(chain.admin, at, evidence.grantWriter(otherDepartment.address(), "民政局"));

            assertThat(chain.reverts(chain.department, at, evidence.anchor(new byte[32], "户籍证明")))
                    .isEqualTo("DocumentEvidence: empty document hash");
            assertThat(chain.reverts(chain.department, at, evidence.revoke(DOCUMENT, "never anchored")))
                    .isEqualTo("DocumentEvidence: unknown document");
            assertThat(chain.reverts(chain.outsider, at, evidence.anchor(DOCUMENT, "户籍证明")))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(chain.reverts(chain.department, at, evidence.grantWriter(chain.outsider.address(), "self-granted")))
                    .isEqualTo("Access: caller is not the admin");

            chain.ok(chain.department, at, evidence.anchor(DOCUMENT, "户籍证明"));
            assertThat(chain.reverts(otherDepartment, at, evidence.revoke(DOCUMENT, "not mine")))
                    .isEqualTo("DocumentEvidence: only the issuer may revoke");
            assertThat(chain.reverts(chain.outsider, at, evidence.revoke(DOCUMENT, "not mine")))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(evidence.decodeEvidence(chain.read(at, evidence.verify(DOCUMENT))).revoked()).isFalse();
        }
    }
}
