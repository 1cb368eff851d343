package org.approvalchain.engine.chain;

import java.time.Instant;
import java.util.Optional;

import org.approvalchain.contracts.InvoiceRegistryContract;
import org.approvalchain.contracts.InvoiceRegistryContract.InvoiceStatus;
import org.approvalchain.contracts.InvoiceRegistryContract.Settlement;
import org.approvalchain.contracts.InvoiceRegistryContract.State;
import org.approvalchain.engine.ledger.CallResult;
import org.springframework.stereotype.Component;

/**
 * Electronic invoices as {@code InvoiceRegistry} holds them, for whoever holds the invoice file to
 * check by its number and the SM3 hash of the file: issued, reimbursed (by whom, when), reversed by
 * a red-letter invoice, or itself a red-letter invoice. Without the file's hash nothing is answered,
 * and the buyer's hash never is.
 */
@Component
public class Invoices {

    private final Contracts contracts;
    private final InvoiceRegistryContract registry;

    Invoices(Contracts contracts) {
        this.contracts = contracts;
        this.registry = new InvoiceRegistryContract(contracts.codec());
    }

    /**
     * An invoice as the chain holds it; amounts in fen, times are chain time as instants.
     *
     * @param issuerDepartment the department of the account that issued it, as {@code DepartmentAccess} names it
     * @param linkedNo the red-letter invoice that reversed it, or the original a red-letter invoice reverses; else empty
     * @param reimbursedBy the department or company that entered it in a reimbursement; empty when none did
     */
    public record Invoice(String number, State state, String issuer, String issuerDepartment, long amount, long tax,
                          Instant issuedAt, String linkedNo, String reimbursedBy, Instant reimbursedAt) {
    }

    /** The invoice issued under {@code number} whose file hashes to {@code contentHash}; empty otherwise. */
    public Optional<Invoice> find(String number, byte[] contentHash) {
        InvoiceStatus status = registry.decodeStatus(read(registry.status(number, contentHash)));
        if (!status.contentMatches()) {
            return Optional.empty();
        }
        Settlement settlement = registry.decodeSettlement(read(registry.settlement(number)));
        return Optional.of(new Invoice(number, status.state(), status.issuer(),
                registry.decodeDepartmentOf(read(registry.departmentOf(status.issuer()))), status.amount(), status.tax(),
                Instant.ofEpochMilli(status.issuedAt()), settlement.linkedNo(), settlement.reimbursedBy(),
                settlement.reimbursedAt() == 0 ? null : Instant.ofEpochMilli(settlement.reimbursedAt())));
    }

    private byte[] read(byte[] call) {
        CallResult result = contracts.read(InvoiceRegistryContract.NAME, call);
        if (!result.succeeded()) {
            throw new IllegalStateException("INVOICE-101 reading InvoiceRegistry failed: " + result.revertReason());
        }
        return result.output();
    }
}
