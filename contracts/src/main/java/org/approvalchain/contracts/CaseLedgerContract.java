package org.approvalchain.contracts;

import static org.approvalchain.contracts.AbiArguments.address;
import static org.approvalchain.contracts.AbiArguments.bool;
import static org.approvalchain.contracts.AbiArguments.bytes;
import static org.approvalchain.contracts.AbiArguments.bytes32;
import static org.approvalchain.contracts.AbiArguments.string;
import static org.approvalchain.contracts.AbiArguments.uint256;
import static org.approvalchain.contracts.AbiArguments.uint8;
import static org.approvalchain.contracts.AbiCodec.event;
import static org.approvalchain.contracts.AbiCodec.plain;

import java.util.List;
import java.util.Optional;

import org.fisco.bcos.sdk.v3.codec.datatypes.Address;
import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.DynamicBytes;
import org.fisco.bcos.sdk.v3.codec.datatypes.Event;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint8;
import org.fisco.bcos.sdk.v3.transaction.codec.decode.RevertMessageParser;
import org.fisco.bcos.sdk.v3.utils.Numeric;

/**
 * Codec for {@code CaseLedger.sol}, the on-chain record of every approval case: opened, each step
 * (once per case id + activity instance id), closed. Encodes call data and decodes return values
 * and logs; sending is the ledger's job.
 */
public final class CaseLedgerContract extends DepartmentAccessContract {
    public static final String NAME = "CaseLedger";
    /** The status of a reverted transaction or call, as the ledger reports it. */
    private static final int REVERTED = 16;

    private static final Event CASE_OPENED = event("CaseOpened",
        plain(Utf8String.class), plain(Utf8String.class), plain(Uint256.class), plain(Bytes32.class));
    private static final Event STEP_RECORDED = event("StepRecorded", plain(Utf8String.class),
        plain(Utf8String.class), plain(Uint8.class), plain(Bytes32.class), plain(Uint256.class));
    private static final Event CASE_CLOSED = event("CaseClosed",
        plain(Utf8String.class), plain(Utf8String.class), plain(Uint256.class));

    public CaseLedgerContract(AbiCodec codec) {
        super(NAME, codec);
    }

    public byte[] openCase(String caseId, String processDefinitionId, long processVersion,
                           byte[] applicantDataHash) {
        return codec.encodeCall("openCase", string("caseId", caseId),
            string("processDefinitionId", processDefinitionId), uint256("processVersion", processVersion),
            bytes32("applicantDataHash", applicantDataHash));
    }

    /**
     * Records a step once; the first step of a case opens it with the process version and the
     * applicant's hash, which every later step names again (a step naming others is refused).
     */
    public byte[] recordStep(String caseId, String processDefinitionId, long processVersion, byte[] applicantDataHash,
                             String activityInstanceId, StepKind kind, byte[] resultHash) {
        return codec.encodeCall("recordStep", string("caseId", caseId),
            string("processDefinitionId", processDefinitionId), uint256("processVersion", processVersion),
            bytes32("applicantDataHash", applicantDataHash), string("activityInstanceId", activityInstanceId),
            uint8(kind.code()), bytes32("resultHash", resultHash));
    }

    /**
     * Makes a step's call on {@code target} for the sender and records the step, in one transaction:
     * the call must return (or revert with) exactly {@code expectedReturn}; a revert reverts the
     * transaction with the callee's revert data unless {@code recordRevert}.
     */
    public byte[] recordCall(StepCall step, String target, byte[] input, byte[] expectedReturn, boolean recordRevert) {
        return codec.encodeCall("recordCall", string("caseId", step.caseId()),
            string("processDefinitionId", step.processDefinitionId()), uint256("processVersion", step.processVersion()),
            bytes32("applicantDataHash", step.applicantDataHash()), string("activityInstanceId", step.activityInstanceId()),
            uint8(step.kind().code()), bytes32("resultHash", step.resultHash()), address("target", target),
            bytes("input", input), bytes("expectedReturn", expectedReturn), bool(recordRevert));
    }

    /** What {@code recordCall} returns: whether the step's call succeeded, and its return or revert data. */
    public CallReturned decodeRecordCall(byte[] output) {
        AbiValues v = codec.decodeOutput("recordCall", output, Bool.class, DynamicBytes.class);
        return new CallReturned(v.bool(0), v.bytes(1));
    }

    public byte[] closeCase(String caseId, String outcome) {
        return codec.encodeCall("closeCase", string("caseId", caseId), string("outcome", outcome));
    }

    public byte[] getCase(String caseId) {
        return codec.encodeCall("getCase", string("caseId", caseId));
    }

    public byte[] getStep(String caseId, String activityInstanceId) {
        return codec.encodeCall("getStep", string("caseId", caseId), string("activityInstanceId", activityInstanceId));
    }

    /** The case returned by {@code getCase}, or empty when no case was opened under that id. */
    public Optional<CaseRecord> decodeCase(byte[] output) {
        AbiValues v = codec.decodeOutput("getCase", output,
            Utf8String.class, Uint256.class, Bytes32.class, Uint8.class, Utf8String.class, Uint256.class);
        int state = v.uintAsInt(3);
        return state == 0 ? Optional.empty() : Optional.of(new CaseRecord(v.string(0), v.uintAsLong(1),
            v.bytes(2), state == 1 ? CaseState.OPEN : CaseState.CLOSED, v.string(4), v.uintAsLong(5)));
    }

    /** The step returned by {@code getStep}, or empty when that step was never recorded. */
    public Optional<StepRecord> decodeStep(byte[] output) {
        AbiValues v = codec.decodeOutput("getStep", output,
            Uint8.class, Bytes32.class, Uint256.class, Uint256.class, Address.class);
        return v.uintAsLong(2) == 0 ? Optional.empty() : Optional.of(new StepRecord(
            StepKind.of(v.uintAsInt(0)), v.bytes(1), v.uintAsLong(2), v.uintAsLong(3), v.address(4)));
    }

    public Optional<CaseOpened> caseOpened(List<String> topics, byte[] data) {
        return codec.decodeEvent(CASE_OPENED, topics, data)
            .map(v -> new CaseOpened(v.string(0), v.string(1), v.uintAsLong(2), v.bytes(3)));
    }

    public Optional<StepRecorded> stepRecorded(List<String> topics, byte[] data) {
        return codec.decodeEvent(STEP_RECORDED, topics, data).map(v -> new StepRecorded(
            v.string(0), v.string(1), StepKind.of(v.uintAsInt(2)), v.bytes(3), v.uintAsLong(4)));
    }

    public Optional<CaseClosed> caseClosed(List<String> topics, byte[] data) {
        return codec.decodeEvent(CASE_CLOSED, topics, data)
            .map(v -> new CaseClosed(v.string(0), v.string(1), v.uintAsLong(2)));
    }

    /** Whether a step ran as a contract ({@code AUTOMATIC = 1}) or was taken by a person ({@code MANUAL = 2}). */
    public enum StepKind {
        AUTOMATIC(1), MANUAL(2);

        private final int code;

        StepKind(int code) {
            this.code = code;
        }

        /** The contract's constant for this value. */
        public int code() {
            return code;
        }

        static StepKind of(int code) {
            for (StepKind value : values()) {
                if (value.code == code) {
                    return value;
                }
            }
            throw new IllegalArgumentException("unknown step kind " + code);
        }
    }

    /** The step that {@code recordCall} records, as {@code recordStep} takes it. */
    public record StepCall(String caseId, String processDefinitionId, long processVersion, byte[] applicantDataHash,
                           String activityInstanceId, StepKind kind, byte[] resultHash) {
    }

    /** A step's call as made inside {@code recordCall}: succeeded or reverted, with its return or revert data. */
    public record CallReturned(boolean succeeded, byte[] data) {

        /** A revert's {@code Error(string)} reason (Keccak or SM3 selector), else the EVM's word for it; null when it succeeded. */
        public String revertReason() {
            if (succeeded) {
                return null;
            }
            var parsed = RevertMessageParser.tryResolveRevertMessage(REVERTED, Numeric.toHexString(data));
            return Boolean.TRUE.equals(parsed.getValue1()) ? parsed.getValue2() : "execution reverted";
        }
    }

    /** Lifecycle of a case on chain. */
    public enum CaseState { OPEN, CLOSED }

    /** A case as the chain holds it; hashes are 32 bytes, {@code outcome} is empty while open. */
    public record CaseRecord(String processDefinitionId, long processVersion, byte[] applicantDataHash,
                             CaseState state, String outcome, long stepCount) {
    }

    /** One recorded step; {@code sequence} counts from 1 within its case, times are chain time. */
    public record StepRecord(StepKind kind, byte[] resultHash, long sequence, long recordedAt, String recordedBy) {
    }

    /** A case was opened for a process version. */
    public record CaseOpened(String caseId, String processDefinitionId, long processVersion,
                             byte[] applicantDataHash) {
    }

    /** A step of a case was recorded, once and for all. */
    public record StepRecorded(String caseId, String activityInstanceId, StepKind kind, byte[] resultHash,
                               long sequence) {
    }

    /** A case was closed with an outcome after {@code stepCount} steps. */
    public record CaseClosed(String caseId, String outcome, long stepCount) {
    }
}
