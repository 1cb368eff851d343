package org.approvalchain.engine.chain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.approvalchain.contracts.ProxyAuthorisationContract;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.springframework.stereotype.Component;

/**
 * Applicants' authorisations of agents (授权代办) on {@code ProxyAuthorisation}: granted and revoked
 * once per authorisation, checked by a static call at the moment an agent acts, and each action of
 * the agent recorded once per action key. The chain holds hashes of the parties, never their names.
 * The government service centre (政务服务中心), which receives applications for all services, writes
 * them with its own account (docs/departments.md).
 */
@Component
public class ProxyChain {

    /** The department whose account records authorisations and agents' actions. */
    static final String DEPARTMENT = "government-service-center";

    private static final String PREFIX = "ProxyAuthorisation: ";

    private final Ledger ledger;
    private final Contracts contracts;
    private final ProxyAuthorisationContract contract;

    ProxyChain(Ledger ledger, Contracts contracts) {
        this.ledger = ledger;
        this.contracts = contracts;
        this.contract = new ProxyAuthorisationContract(contracts.codec());
    }

    /** Principal and agent of an authorisation, by the hashes the chain knows them by. */
    public record Parties(byte[] principalHash, byte[] agentHash) {
    }

    /** An action of the agent as the chain recorded it, with its transaction, block and chain time. */
    public record RecordedAction(String actionKey, String service, String action, String caseId, String transactionHash,
                                 long blockNumber, Instant at) {
    }

    /** Records an authorisation under {@code id} (the SM3 of the signed document); a reverted receipt says why not. */
    public TransactionReceipt grant(byte[] id, Parties parties, String scope, Instant validFrom, Instant validUntil,
                                    byte[] signatureHash) {
        return contracts.send(DEPARTMENT, "proxy-grant:" + Sm3.toHex(id), ProxyAuthorisationContract.NAME, contract.grant(id,
                parties.principalHash(), parties.agentHash(), scope, validFrom.toEpochMilli(), validUntil.toEpochMilli(),
                signatureHash));
    }

    /**
     * Revokes the authorisation by the principal's signed revocation (its SM3), once per revocation;
     * a reverted receipt says why not (another revocation came first).
     */
    public TransactionReceipt revoke(byte[] id, byte[] revocationHash) {
        return contracts.send(DEPARTMENT, "proxy-revoke:" + Sm3.toHex(id) + ":" + Sm3.toHex(revocationHash), ProxyAuthorisationContract.NAME,
                contract.revoke(id, revocationHash));
    }

    /**
     * Why the agent may not act for the principal in {@code service} at {@code at} under the
     * authorisation, in the contract's words without its prefix ({@code authorisation expired});
     * empty when it may.
     */
    public Optional<String> refusal(byte[] id, Parties parties, String service, Instant at) {
        CallResult result = contracts.read(ProxyAuthorisationContract.NAME,
                contract.isAuthorised(id, parties.principalHash(), parties.agentHash(), service, at.toEpochMilli()));
        return result.succeeded() ? Optional.empty() : Optional.of(reason(result.revertReason()));
    }

    /** Records an action of the agent once per {@code actionKey}; a reverted receipt says why the chain refused it. */
    public TransactionReceipt recordAction(byte[] id, Parties parties, String service, String actionKey, String action,
                                           String caseId) {
        return contracts.send(DEPARTMENT, "proxy-action:" + actionKey, ProxyAuthorisationContract.NAME, contract.recordAction(id,
                parties.principalHash(), parties.agentHash(), service, actionKey, action, caseId == null ? "" : caseId));
    }

    /** Whether the chain holds the authorisation as revoked. */
    public boolean revoked(byte[] id) {
        CallResult result = contracts.read(ProxyAuthorisationContract.NAME, contract.getAuthorisation(id));
        if (!result.succeeded()) {
            throw new IllegalStateException("PROXY-101 reading ProxyAuthorisation failed: " + result.revertReason());
        }
        return contract.decodeAuthorisation(result.output()).revoked();
    }

    /** Every action recorded under the authorisation, in chain order. */
    public List<RecordedAction> actions(byte[] id) {
        return ledger.events(contracts.address(ProxyAuthorisationContract.NAME), 0, ledger.status().blockNumber()).stream()
                .flatMap(log -> contract.actionRecorded(log.topics(), log.data()).filter(a -> Arrays.equals(a.id(), id))
                        .map(a -> new RecordedAction(a.actionKey(), a.service(), a.action(), a.caseId(),
                                log.transactionHash(), log.blockNumber(), blockTime(log.blockNumber()))).stream())
                .toList();
    }

    /** A revert reason without the contract's prefix. */
    public static String reason(String revertReason) {
        return revertReason != null && revertReason.startsWith(PREFIX) ? revertReason.substring(PREFIX.length())
                : String.valueOf(revertReason);
    }

    private Instant blockTime(long number) {
        return ledger.blockByNumber(number).map(b -> Instant.ofEpochMilli(b.timestamp())).orElse(null);
    }
}
