package org.approvalchain.engine.proxy;

import static org.approvalchain.engine.proxy.ProxyException.Kind.FORBIDDEN;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.approvalchain.engine.chain.ProxyChain;
import org.approvalchain.engine.chain.ProxyChain.Parties;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.springframework.stereotype.Service;

/**
 * Whether an agent may act for a principal in a service now, as the chain says at that moment: an
 * authorisation the principal gave the agent must cover the service, be in its period and not be
 * revoked. Refusals name the reason (PROXY-001 none, 002 expired or not yet valid, 003 revoked, 004
 * not covering the service). Each action allowed is recorded on chain under the authorisation.
 */
@Service
public class AgentAuthority {

    private final AuthorisationStore store;
    private final ProxyChain chain;

    AgentAuthority(AuthorisationStore store, ProxyChain chain) {
        this.store = store;
        this.chain = chain;
    }

    /** The authorisation under which {@code agent} acts for {@code principal} in {@code service}. */
    public record Mandate(String authorisationId, String agent, String principal, String service) {
    }

    /**
     * Checks that {@code agent} may act for {@code principal} in {@code service} now, and records
     * {@code action} (e.g. {@code start}, {@code read}) on the case under the authorisation.
     *
     * @throws ProxyException FORBIDDEN with the reason when the chain does not authorise it
     */
    public Mandate act(String agent, String principal, String service, String action, String caseId) {
        Mandate mandate = authorise(agent, principal, service);
        record(mandate, action, caseId);
        return mandate;
    }

    /**
     * The authorisation under which {@code agent} may act for {@code principal} in {@code service}
     * now (a static call of the chain); nothing is recorded.
     *
     * @throws ProxyException FORBIDDEN with the reason of the newest authorisation when none allows it
     */
    public Mandate authorise(String agent, String principal, String service) {
        List<AuthorisationStore.Kept> given = store.between(principal, agent);
        if (given.isEmpty()) {
            throw new ProxyException(FORBIDDEN, "PROXY-001 user " + agent + " holds no authorisation from " + principal
                    + " to act on their behalf");
        }
        Instant now = Instant.now();
        String firstRefusal = null;
        for (AuthorisationStore.Kept kept : given) {
            Optional<String> refusal = chain.refusal(Sm3Ids.bytes(kept.id()), parties(principal, agent), service, now);
            if (refusal.isEmpty()) {
                return new Mandate(kept.id(), agent, principal, service);
            }
            firstRefusal = firstRefusal == null ? refusal.get() : firstRefusal;
        }
        throw refused(firstRefusal, agent, principal, service);
    }

    /** Whether {@code agent} may act for {@code principal} in {@code service} now; nothing is recorded. */
    public boolean holds(String agent, String principal, String service) {
        try {
            authorise(agent, principal, service);
            return true;
        } catch (ProxyException e) {
            return false;
        }
    }

    /**
     * Records an action allowed under {@code mandate}; the chain checks the authorisation again at its time.
     *
     * @throws ProxyException FORBIDDEN with the reason when the chain refused it (revoked or expired meanwhile)
     */
    public void record(Mandate mandate, String action, String caseId) {
        TransactionReceipt receipt = chain.recordAction(Sm3Ids.bytes(mandate.authorisationId()),
                parties(mandate.principal(), mandate.agent()), mandate.service(), UUID.randomUUID().toString(), action, caseId);
        if (!receipt.succeeded()) {
            throw refused(ProxyChain.reason(receipt.revertReason()), mandate.agent(), mandate.principal(), mandate.service());
        }
    }

    /** The chain's hashes of the two parties: SM3 of their user ids under a fixed prefix, never the ids themselves. */
    static Parties parties(String principal, String agent) {
        return new Parties(party(principal), party(agent));
    }

    private static byte[] party(String userId) {
        return Sm3.digest(("approvalchain:proxy-party:" + userId).getBytes(StandardCharsets.UTF_8));
    }

    private static ProxyException refused(String reason, String agent, String principal, String service) {
        String code = switch (reason) {
            case "authorisation expired", "authorisation not yet valid" -> "PROXY-002";
            case "authorisation revoked" -> "PROXY-003";
            case "service out of scope" -> "PROXY-004";
            default -> "PROXY-001";
        };
        return new ProxyException(FORBIDDEN, code + " the chain refuses " + agent + " acting for " + principal + " in '"
                + service + "': " + reason);
    }
}
