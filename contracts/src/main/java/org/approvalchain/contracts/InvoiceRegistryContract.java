package org.approvalchain.contracts;

import static org.approvalchain.contracts.AbiArguments.bytes32;
import static org.approvalchain.contracts.AbiArguments.string;
import static org.approvalchain.contracts.AbiArguments.uint256;
import static org.approvalchain.contracts.AbiCodec.event;
import static org.approvalchain.contracts.AbiCodec.indexed;
import static org.approvalchain.contracts.AbiCodec.plain;

import java.util.List;
import java.util.Optional;

import org.fisco.bcos.sdk.v3.codec.datatypes.Address;
import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.Event;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Bytes32;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint256;
import org.fisco.bcos.sdk.v3.codec.datatypes.generated.Uint8;

/**
 * Codec for {@code InvoiceRegistry.sol}: electronic invoices (电子发票) issued under a number with the
 * hash of their file and of their buyer, reimbursed at most once across departments and companies,
 * and reversed in full by a red-letter invoice (红字发票) while not reimbursed. Amounts are in fen.
 */
public final class InvoiceRegistryContract extends DepartmentAccessContract {
    public static final String NAME = "InvoiceRegistry";

    private static final Event INVOICE_ISSUED = event("InvoiceIssued", plain(Utf8String.class),
        indexed(Address.class), plain(Bytes32.class), plain(Uint256.class), plain(Uint256.class), plain(Bytes32.class));
    private static final Event INVOICE_CHECKED = event("InvoiceChecked", plain(Utf8String.class),
        plain(Utf8String.class), plain(Uint8.class), plain(Bool.class));
    private static final Event INVOICE_REIMBURSED = event("InvoiceReimbursed", plain(Utf8String.class),
        plain(Utf8String.class), plain(Utf8String.class), indexed(Address.class));
    private static final Event INVOICE_REVERSED = event("InvoiceReversed", plain(Utf8String.class),
        plain(Utf8String.class), indexed(Address.class), plain(Utf8String.class));

    public InvoiceRegistryContract(AbiCodec codec) {
        super(NAME, codec);
    }

    /** What an invoice number stands for on chain, in the contract's numbering. */
    public enum State { UNKNOWN, ISSUED, REIMBURSED, REVERSED, RED_LETTER }

    public byte[] issue(String invoiceNo, byte[] buyerHash, long amount, long tax, byte[] contentHash) {
        return codec.encodeCall("issue", string("invoiceNo", invoiceNo), bytes32("buyerHash", buyerHash),
            uint256("amount", amount), uint256("tax", tax), bytes32("contentHash", contentHash));
    }

    public byte[] check(String caseId, String invoiceNo, byte[] contentHash) {
        return codec.encodeCall("check", string("caseId", caseId), string("invoiceNo", invoiceNo),
            bytes32("contentHash", contentHash));
    }

    public byte[] reimburse(String invoiceNo, byte[] contentHash, String reimbursedBy, String caseId) {
        return codec.encodeCall("reimburse", string("invoiceNo", invoiceNo), bytes32("contentHash", contentHash),
            string("reimbursedBy", reimbursedBy), string("caseId", caseId));
    }

    public byte[] issueRedLetter(String redLetterNo, String originalNo, byte[] contentHash, String reason) {
        return codec.encodeCall("issueRedLetter", string("redLetterNo", redLetterNo), string("originalNo", originalNo),
            bytes32("contentHash", contentHash), string("reason", reason));
    }

    public byte[] status(String invoiceNo, byte[] contentHash) {
        return codec.encodeCall("status", string("invoiceNo", invoiceNo), bytes32("contentHash", contentHash));
    }

    public byte[] settlement(String invoiceNo) {
        return codec.encodeCall("settlement", string("invoiceNo", invoiceNo));
    }

    public InvoiceStatus decodeStatus(byte[] output) {
        AbiValues v = codec.decodeOutput("status", output,
            Uint8.class, Bool.class, Address.class, Uint256.class, Uint256.class, Uint256.class);
        return new InvoiceStatus(State.values()[v.uintAsInt(0)], v.bool(1), v.address(2), v.uintAsLong(3),
            v.uintAsLong(4), v.uintAsLong(5));
    }

    public Settlement decodeSettlement(byte[] output) {
        AbiValues v = codec.decodeOutput("settlement", output,
            Utf8String.class, Utf8String.class, Utf8String.class, Uint256.class);
        return new Settlement(v.string(0), v.string(1), v.string(2), v.uintAsLong(3));
    }

    public Optional<InvoiceIssued> invoiceIssued(List<String> topics, byte[] data) {
        return codec.decodeEvent(INVOICE_ISSUED, topics, data).map(v -> new InvoiceIssued(
            v.string(0), v.address(1), v.bytes(2), v.uintAsLong(3), v.uintAsLong(4), v.bytes(5)));
    }

    public Optional<InvoiceChecked> invoiceChecked(List<String> topics, byte[] data) {
        return codec.decodeEvent(INVOICE_CHECKED, topics, data).map(v -> new InvoiceChecked(
            v.string(0), v.string(1), State.values()[v.uintAsInt(2)], v.bool(3)));
    }

    public Optional<InvoiceReimbursed> invoiceReimbursed(List<String> topics, byte[] data) {
        return codec.decodeEvent(INVOICE_REIMBURSED, topics, data)
            .map(v -> new InvoiceReimbursed(v.string(0), v.string(1), v.string(2), v.address(3)));
    }

    public Optional<InvoiceReversed> invoiceReversed(List<String> topics, byte[] data) {
        return codec.decodeEvent(INVOICE_REVERSED, topics, data)
            .map(v -> new InvoiceReversed(v.string(0), v.string(1), v.address(2), v.string(3)));
    }

    /**
     * An invoice as {@code status} sees it; {@code contentMatches} only when the hash asked with is the
     * hash of the file issued under that number. All zero when the number was never issued.
     */
    public record InvoiceStatus(State state, boolean contentMatches, String issuer, long amount, long tax,
                                long issuedAt) {
    }

    /**
     * What happened to an invoice after issue: {@code linkedNo} is the red-letter invoice of a reversed
     * original or the original of a red-letter invoice; the reimbursement, when there was one.
     */
    public record Settlement(String linkedNo, String reimbursedBy, String reimbursementCase, long reimbursedAt) {
    }

    /** An invoice was issued. */
    public record InvoiceIssued(String invoiceNo, String issuer, byte[] buyerHash, long amount, long tax,
                                byte[] contentHash) {
    }

    /** A case checked the invoice it presents (查验). */
    public record InvoiceChecked(String caseId, String invoiceNo, State state, boolean contentMatches) {
    }

    /** An invoice was entered in a reimbursement. */
    public record InvoiceReimbursed(String invoiceNo, String reimbursedBy, String caseId, String recordedBy) {
    }

    /** An invoice was reversed in full by a red-letter invoice, with a reason. */
    public record InvoiceReversed(String redLetterNo, String originalNo, String issuer, String reason) {
    }
}
