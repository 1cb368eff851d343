package org.approvalchain.engine.contracts;

import static org.approvalchain.engine.contracts.TestChain.filled;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.approvalchain.contracts.AbiCodec;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.contracts.CaseLedgerContract.StepCall;
import org.approvalchain.contracts.CaseLedgerContract.StepKind;
import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.contracts.LicenseRegistryContract;
import org.approvalchain.engine.chain.CaseChain.RecordedCall;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.ledger.TransactionSigner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.utils.Numeric;

/**
 * {@code CaseLedger.recordCall}: a step's call and its record in one transaction, the case ledger
 * forwarding the call for the department that sent it (ERC-2771: the sender appended to the call
 * data, read only when the trusted forwarder sent it).
 */
class CaseLedgerForwardingTest {

    private static final byte[] APPLICANT = filled(1);
    private static final byte[] RESULT = filled(2);
    private static final byte[] HOLDER = filled(3);
    private static final String PROCESS = "business-registration:1:x";
    private static final String NOT_A_WRITER = "Access: caller is not a department writer";

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void makesTheCallAsTheDepartmentAndRecordsTheStepInOneTransaction(ChainCrypto crypto) {
        try (Forwarding f = new Forwarding(crypto, dataDir)) {
            byte[] issue = f.issue("L-1");
            CallResult preview = f.preview(f.chain.department, issue);
            assertThat(preview.succeeded()).as("previewed like eth_call, not as a static call: issue emits an event").isTrue();

            TransactionReceipt both = f.chain.ok(f.chain.department, f.cases, f.recordCall("Activity_Issue#1", issue, preview.output(), false));

            var returned = f.caseLedger.decodeRecordCall(both.output());
            assertThat(returned.succeeded()).isTrue();
            assertThat(returned.data()).isEqualTo(preview.output());
            assertThat(both.logs()).extracting(log -> f.licenceRegistry.licenseIssued(log.topics(), log.data()))
                    .filteredOn(java.util.Optional::isPresent).singleElement()
                    .satisfies(issued -> assertThat(issued.orElseThrow().issuer()).isEqualTo(f.chain.department.address()));
            var step = f.caseLedger.decodeStep(f.chain.read(f.cases, f.caseLedger.getStep("case-1", "Activity_Issue#1"))).orElseThrow();
            assertThat(step.recordedBy()).isEqualTo(f.chain.department.address());
            assertThat(step.resultHash()).isEqualTo(RESULT);
            assertThat(step.sequence()).isEqualTo(1);
            assertThat(f.licenceRegistry.decodeLicenseStatus(f.chain.read(f.licences, f.licenceRegistry.verify("L-1", HOLDER))).issuer())
                    .isEqualTo(f.chain.department.address());
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void revertsWithTheCalleesRevertUnlessTheRevertIsTheStepsResult(ChainCrypto crypto) {
        try (Forwarding f = new Forwarding(crypto, dataDir)) {
            byte[] issue = f.issue("L-2");
            f.chain.ok(f.chain.department, f.licences, issue);
            CallResult preview = f.preview(f.chain.department, issue);
            assertThat(preview.succeeded()).isFalse();

            assertThat(f.chain.reverts(f.chain.department, f.cases, f.recordCall("Activity_Issue#1", issue, preview.output(), false)))
                    .isEqualTo("LicenseRegistry: licence number already issued");
            assertThat(f.caseLedger.decodeStep(f.chain.read(f.cases, f.caseLedger.getStep("case-1", "Activity_Issue#1")))).isEmpty();

            TransactionReceipt recorded = f.chain.ok(f.chain.department, f.cases, f.recordCall("Activity_Issue#1", issue, preview.output(), true));
            var returned = f.caseLedger.decodeRecordCall(recorded.output());
            assertThat(returned.succeeded()).isFalse();
            assertThat(returned.data()).isEqualTo(preview.output());
            assertThat(f.caseLedger.decodeStep(f.chain.read(f.cases, f.caseLedger.getStep("case-1", "Activity_Issue#1")))).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void refusesACallThatReturnsOtherThanExpected(ChainCrypto crypto) {
        try (Forwarding f = new Forwarding(crypto, dataDir)) {
            byte[] issue = f.issue("L-3");
            assertThat(f.preview(f.chain.department, issue).output()).as("issue returns nothing").isEmpty();
            byte[] expected = {0};

            assertThat(f.chain.reverts(f.chain.department, f.cases, f.recordCall("Activity_Issue#1", issue, expected, true)))
                    .as("the revert the engine takes for an outdated preview").isEqualTo(RecordedCall.PREVIEW_OUTDATED);
            assertThat(f.licenceRegistry.decodeLicenseStatus(f.chain.read(f.licences, f.licenceRegistry.verify("L-3", HOLDER))).valid())
                    .isFalse();
            assertThat(f.chain.reverts(f.chain.department, f.cases, f.caseLedger.recordCall(new StepCall("case-1", PROCESS, 1,
                    APPLICANT, "Activity_Issue#1", StepKind.AUTOMATIC, RESULT), f.cases, f.caseLedger.getCase("case-1"), new byte[0], true)))
                    .isEqualTo("CaseLedger: a step may not call the case ledger");
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void aDepartmentNotGrantedOnTheTargetIsRefusedThroughTheForwarderToo(ChainCrypto crypto) {
        try (Forwarding f = new Forwarding(crypto, dataDir)) {
            TransactionSigner other = TransactionSigner.newAccount(crypto);
            f.chain.ok(f.chain.admin, f.cases, f.caseLedger.grantWriter(other.address(), "税务局"));
            byte[] issue = f.issue("L-4");
            CallResult preview = f.preview(other, issue);
            assertThat(preview.revertReason()).isEqualTo(NOT_A_WRITER);

            assertThat(f.chain.reverts(other, f.cases, f.recordCall("Activity_Issue#1", issue, preview.output(), false)))
                    .isEqualTo(NOT_A_WRITER);
            assertThat(f.chain.reverts(f.chain.outsider, f.cases, f.recordCall("Activity_Issue#1", issue, preview.output(), true)))
                    .isEqualTo(NOT_A_WRITER);
        }
    }

    @ParameterizedTest
    @EnumSource(ChainCrypto.class)
    void nobodyButTheForwarderSpeaksForAnotherAccount(ChainCrypto crypto) {
        try (Forwarding f = new Forwarding(crypto, dataDir)) {
            byte[] spoofed = appended(f.issue("L-5"), f.chain.department.address());
            assertThat(f.chain.reverts(f.chain.outsider, f.licences, spoofed)).isEqualTo(NOT_A_WRITER);

            TransactionSigner other = TransactionSigner.newAccount(crypto);
            f.chain.ok(f.chain.admin, f.licences, f.licenceRegistry.grantWriter(other.address(), "税务局"));
            f.chain.ok(other, f.licences, spoofed);
            assertThat(f.licenceRegistry.decodeLicenseStatus(f.chain.read(f.licences, f.licenceRegistry.verify("L-5", HOLDER))).issuer())
                    .as("a writer appending another's address still acts as itself").isEqualTo(other.address());

            assertThat(f.chain.reverts(f.chain.department, f.licences, f.licenceRegistry.setTrustedForwarder(f.chain.department.address())))
                    .isEqualTo("Access: caller is not the admin");
            f.chain.ok(f.chain.admin, f.licences, f.licenceRegistry.setTrustedForwarder("0x0000000000000000000000000000000000000000"));
            byte[] issue = f.issue("L-6");
            assertThat(f.chain.reverts(f.chain.department, f.cases, f.recordCall("Activity_Issue#1", issue,
                    f.preview(f.chain.department, issue).output(), false))).as("a target that trusts no forwarder").isEqualTo(NOT_A_WRITER);
        }
    }

    private static byte[] appended(byte[] input, String address) {
        byte[] account = Numeric.hexStringToByteArray(address);
        byte[] data = new byte[input.length + account.length];
        System.arraycopy(input, 0, data, 0, input.length);
        System.arraycopy(account, 0, data, input.length, account.length);
        return data;
    }

    /** A case ledger and a licence registry that trusts it as its forwarder, the department a writer on both. */
    private static final class Forwarding implements AutoCloseable {
        final TestChain chain;
        final CaseLedgerContract caseLedger;
        final LicenseRegistryContract licenceRegistry;
        final String cases;
        final String licences;

        Forwarding(ChainCrypto crypto, Path dataDir) {
            chain = new TestChain(crypto, dataDir);
            caseLedger = new CaseLedgerContract(new AbiCodec(crypto));
            licenceRegistry = new LicenseRegistryContract(new AbiCodec(crypto));
            cases = chain.deploy(caseLedger, "市场监督管理局");
            licences = chain.deploy(licenceRegistry, "市场监督管理局");
            chain.ok(chain.admin, licences, licenceRegistry.setTrustedForwarder(cases));
            assertThat(licenceRegistry.decodeTrustedForwarder(chain.read(licences, licenceRegistry.trustedForwarder()))).isEqualTo(cases);
        }

        byte[] issue(String licenceNo) {
            long now = chain.now();
            return licenceRegistry.issue(licenceNo, "营业执照", HOLDER, now - 1000, now + 86_400_000L);
        }

        CallResult preview(TransactionSigner from, byte[] input) {
            return chain.ledger.call(from.address(), licences, input);
        }

        byte[] recordCall(String activityInstance, byte[] input, byte[] expected, boolean recordRevert) {
            return caseLedger.recordCall(new StepCall("case-1", PROCESS, 1, APPLICANT, activityInstance, StepKind.AUTOMATIC, RESULT),
                    licences, input, expected, recordRevert);
        }

        @Override
        public void close() {
            chain.close();
        }
    }
}
