package org.approvalchain.engine.chain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.approvalchain.contracts.LicenseRegistryContract;
import org.approvalchain.contracts.LicenseRegistryContract.LicenseStatus;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.EventLog;
import org.approvalchain.engine.ledger.Ledger;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * Electronic licences as {@code LicenseRegistry} holds them, for anyone to check by number: the
 * licence's type, issuer, validity and whether it is revoked, and the block it was issued in. The
 * holder's hash is never part of the answer; whether a licence is held by a given holder is asked
 * of the chain itself ({@link #heldBy}).
 */
@Component
public class Licences {

    private static final byte[] NO_HOLDER = new byte[32];

    private final Ledger ledger;
    private final Contracts contracts;
    private final LicenseRegistryContract registry;

    Licences(Ledger ledger, Contracts contracts) {
        this.ledger = ledger;
        this.contracts = contracts;
        this.registry = new LicenseRegistryContract(contracts.codec());
    }

    /** Whether a licence is in force: revoked, expired (or not yet valid), or valid. */
    public enum Standing { VALID, REVOKED, EXPIRED, NOT_YET_VALID }

    /**
     * A licence as the chain holds it; times are chain time as instants.
     *
     * @param issuerDepartment the department of the account that issued it, as {@code DepartmentAccess} names it
     * @param hash the licence's SM3 hash ({@link #hashOf}): what a case that reuses it keeps as a material
     */
    public record Licence(String number, String type, Standing standing, String issuer, String issuerDepartment,
                          Instant validFrom, Instant validUntil, long issuedInBlock, String issueTxHash, String hash) {
    }

    /**
     * The SM3 hash of a licence's issue as anyone can read it from the public check: the canonical
     * JSON ({@link CanonicalJson}) of {@code issueTxHash}, {@code issuer}, {@code licenceNo}, {@code
     * licenceType}, {@code validFrom} and {@code validUntil} (milliseconds). It does not change when
     * the licence is revoked or expires, so a case that reused it keeps the same material.
     */
    public static String hashOf(String number, String type, String issuer, Instant validFrom, Instant validUntil,
                                String issueTxHash) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("issueTxHash", issueTxHash);
        issue.put("issuer", issuer);
        issue.put("licenceNo", number);
        issue.put("licenceType", type);
        issue.put("validFrom", validFrom.toEpochMilli());
        issue.put("validUntil", validUntil.toEpochMilli());
        return Sm3.hex(CanonicalJson.object(issue));
    }

    /** The licence issued under {@code number}; empty when none was. */
    public Optional<Licence> find(String number) {
        LicenseStatus status = registry.decodeLicenseStatus(read(registry.verify(number, NO_HOLDER)));
        if (status.validUntil() == 0) {
            return Optional.empty();
        }
        Optional<EventLog> issued = issuedEvent(number);
        Instant validFrom = Instant.ofEpochMilli(status.validFrom());
        Instant validUntil = Instant.ofEpochMilli(status.validUntil());
        String issueTxHash = issued.map(EventLog::transactionHash).orElse(null);
        return Optional.of(new Licence(number, status.licenseType(), standing(status, Instant.now()), status.issuer(),
                registry.decodeDepartmentOf(read(registry.departmentOf(status.issuer()))), validFrom, validUntil,
                issued.map(EventLog::blockNumber).orElse(-1L), issueTxHash,
                hashOf(number, status.licenseType(), status.issuer(), validFrom, validUntil, issueTxHash)));
    }

    /**
     * Whether the chain, asked now, holds {@code number} as valid (issued, not revoked, within its
     * validity) for the holder whose SM3 hash is {@code holderHash} ({@code 0x} and 64 hex digits).
     */
    public boolean heldBy(String number, String holderHash) {
        return registry.decodeLicenseStatus(read(registry.verify(number, Numeric.hexStringToByteArray(holderHash)))).valid();
    }

    /** The transactions that issued or revoked a licence under {@code number}, in chain order; empty when none did. */
    public List<String> transactions(String number) {
        return ledger.events(contracts.address(LicenseRegistryContract.NAME), 0, ledger.status().blockNumber()).stream()
                .filter(log -> registry.licenseIssued(log.topics(), log.data()).filter(i -> i.licenseNo().equals(number)).isPresent()
                        || registry.licenseRevoked(log.topics(), log.data()).filter(r -> r.licenseNo().equals(number)).isPresent())
                .map(EventLog::transactionHash).distinct().toList();
    }

    private static Standing standing(LicenseStatus status, Instant now) {
        if (status.revoked()) {
            return Standing.REVOKED;
        }
        if (now.toEpochMilli() > status.validUntil()) {
            return Standing.EXPIRED;
        }
        return now.toEpochMilli() < status.validFrom() ? Standing.NOT_YET_VALID : Standing.VALID;
    }

    private Optional<EventLog> issuedEvent(String number) {
        return ledger.events(contracts.address(LicenseRegistryContract.NAME), 0, ledger.status().blockNumber()).stream()
                .filter(log -> registry.licenseIssued(log.topics(), log.data())
                        .filter(issued -> issued.licenseNo().equals(number)).isPresent())
                .findFirst();
    }

    private byte[] read(byte[] call) {
        CallResult result = contracts.read(LicenseRegistryContract.NAME, call);
        if (!result.succeeded()) {
            throw new IllegalStateException("LICENCE-101 reading LicenseRegistry failed: " + result.revertReason());
        }
        return result.output();
    }
}
