package org.approvalchain.engine.contracts;

import static org.approvalchain.engine.contracts.TestChain.filled;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.CaseLedgerContract.CaseState;
import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseLedgerContractTest {

    private static final byte[] APPLICANT = filled(1);
    private static final byte[] RESULT = filled(2);
    private static final String PROCESS = "business-registration:1:x";

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void recordsACaseStepByStepAndRejectsDuplicates(ChainCrypto crypto) {
        CaseLedgerContract cases = new CaseLedgerContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(cases, "市场监督管理局");
            chain.ok(chain.department, at, cases.openCase("case-1", PROCESS, 1, APPLICANT));
            TransactionReceipt step = chain.ok(chain.department, at, step(cases, "case-1", "Activity_Check:1", StepKind.AUTOMATIC));
            chain.ok(chain.department, at, step(cases, "case-1", "Activity_Review:2", StepKind.MANUAL));

            assertThat(cases.stepRecorded(step.logs().get(0).topics(), step.logs().get(0).data())).get()
                    .satisfies(e -> {
                        assertThat(e.caseId()).isEqualTo("case-1");
                        assertThat(e.activityInstanceId()).isEqualTo("Activity_Check:1");
                        assertThat(e.sequence()).isEqualTo(1);
                    });
            assertThat(chain.reverts(chain.department, at, step(cases, "case-1", "Activity_Check:1", StepKind.AUTOMATIC)))
                    .isEqualTo("CaseLedger: step already recorded");
            assertThat(chain.reverts(chain.department, at, cases.openCase("case-1", PROCESS, 1, APPLICANT)))
                    .isEqualTo("CaseLedger: case already opened");

            chain.ok(chain.department, at, cases.closeCase("case-1", "approved"));
            assertThat(chain.reverts(chain.department, at, step(cases, "case-1", "Activity_Late:3", StepKind.MANUAL)))
                    .isEqualTo("CaseLedger: case is not open");

            var record = cases.decodeCase(chain.read(at, cases.getCase("case-1"))).orElseThrow();
            assertThat(record.state()).isEqualTo(CaseState.CLOSED);
            assertThat(record.outcome()).isEqualTo("approved");
            assertThat(record.stepCount()).isEqualTo(2);
            assertThat(record.applicantDataHash()).isEqualTo(APPLICANT);
            var manual = cases.decodeStep(chain.read(at, cases.getStep("case-1", "Activity_Review:2"))).orElseThrow();
            assertThat(manual.kind()).isEqualTo(StepKind.MANUAL);
            assertThat(manual.sequence()).isEqualTo(2);
            assertThat(manual.recordedBy()).isEqualTo(chain.department.address());
            assertThat(manual.resultHash()).isEqualTo(RESULT);
            assertThat(manual.recordedAt()).isPositive().isLessThanOrEqualTo(chain.now());
            assertThat(cases.decodeCase(chain.read(at, cases.getCase("never-opened")))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void opensACaseWithItsFirstStepInTheSameTransaction(ChainCrypto crypto) {
        CaseLedgerContract cases = new CaseLedgerContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(cases, "市场监督管理局");
            TransactionReceipt first = chain.ok(chain.department, at, step(cases, "case-2", "Activity_Check#1", StepKind.AUTOMATIC));
            chain.ok(chain.department, at, step(cases, "case-2", "Activity_Review#1", StepKind.MANUAL));

            assertThat(first.logs()).hasSize(2);
            assertThat(cases.caseOpened(first.logs().get(0).topics(), first.logs().get(0).data())).get()
                    .usingRecursiveComparison().isEqualTo(new CaseLedgerContract.CaseOpened("case-2", PROCESS, 1, APPLICANT));
            assertThat(cases.stepRecorded(first.logs().get(1).topics(), first.logs().get(1).data())).get()
                    .satisfies(e -> assertThat(e.sequence()).isEqualTo(1));
            var record = cases.decodeCase(chain.read(at, cases.getCase("case-2"))).orElseThrow();
            assertThat(record.state()).isEqualTo(CaseState.OPEN);
            assertThat(record.processDefinitionId()).isEqualTo(PROCESS);
            assertThat(record.processVersion()).isEqualTo(1);
            assertThat(record.applicantDataHash()).isEqualTo(APPLICANT);
            assertThat(record.stepCount()).isEqualTo(2);
            assertThat(chain.reverts(chain.department, at, cases.openCase("case-2", PROCESS, 1, APPLICANT)))
                    .isEqualTo("CaseLedger: case already opened");
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void refusesAStepThatNamesAnotherProcessOrApplicantThanItsCase(ChainCrypto crypto) {
        CaseLedgerContract cases = new CaseLedgerContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(cases, "市场监督管理局");
            chain.ok(chain.department, at, step(cases, "case-3", "Activity_Check#1", StepKind.AUTOMATIC));
            String refused = "CaseLedger: case opened for another process or applicant";
            assertThat(chain.reverts(chain.department, at, cases.recordStep("case-3", "business-registration:2:y", 1,
                    APPLICANT, "Activity_Next#1", StepKind.AUTOMATIC, RESULT))).isEqualTo(refused);
            assertThat(chain.reverts(chain.department, at, cases.recordStep("case-3", PROCESS, 2,
                    APPLICANT, "Activity_Next#1", StepKind.AUTOMATIC, RESULT))).isEqualTo(refused);
            assertThat(chain.reverts(chain.department, at, cases.recordStep("case-3", PROCESS, 1,
                    filled(9), "Activity_Next#1", StepKind.AUTOMATIC, RESULT))).isEqualTo(refused);
            assertThat(chain.reverts(chain.department, at, cases.recordStep("", PROCESS, 1,
                    APPLICANT, "Activity_Next#1", StepKind.AUTOMATIC, RESULT))).isEqualTo("CaseLedger: empty case id");
            assertThat(chain.reverts(chain.department, at, cases.recordStep("case-4", PROCESS, 1L << 32,
                    APPLICANT, "Activity_Check#1", StepKind.AUTOMATIC, RESULT))).isEqualTo("CaseLedger: process version out of range");
            assertThat(cases.decodeCase(chain.read(at, cases.getCase("case-3"))).orElseThrow().stepCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void onlyDepartmentWritersRecordAndOnlyTheAdminGrants(ChainCrypto crypto) {
        CaseLedgerContract cases = new CaseLedgerContract(new AbiCodec(crypto));
        try (TestChain chain = new TestChain(crypto, dataDir)) {
            String at = chain.deploy(cases, "dept");
            assertThat(chain.reverts(chain.outsider, at, cases.openCase("c", "p:1:x", 1, APPLICANT)))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(chain.reverts(chain.outsider, at, step(cases, "c", "Activity_Check#1", StepKind.AUTOMATIC)))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(chain.reverts(chain.department, at, cases.grantWriter(chain.outsider.address(), "self-granted")))
                    .isEqualTo("Access: caller is not the admin");
            chain.ok(chain.admin, at, cases.revokeWriter(chain.department.address()));
            assertThat(chain.reverts(chain.department, at, cases.openCase("c", "p:1:x", 1, APPLICANT)))
                    .isEqualTo("Access: caller is not a department writer");
            assertThat(cases.decodeIsWriter(chain.read(at, cases.isWriter(chain.department.address())))).isFalse();
            assertThat(cases.decodeAdmin(chain.read(at, cases.admin()))).isEqualTo(chain.admin.address());
        }
    }

    private static byte[] step(CaseLedgerContract cases, String caseId, String activityInstanceId, StepKind kind) {
        return cases.recordStep(caseId, PROCESS, 1, APPLICANT, activityInstanceId, kind, RESULT);
    }
}
