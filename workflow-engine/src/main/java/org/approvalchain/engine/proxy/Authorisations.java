package org.approvalchain.engine.proxy;

import static org.approvalchain.engine.proxy.ProxyException.Kind.CONFLICT;
import static org.approvalchain.engine.proxy.ProxyException.Kind.FORBIDDEN;
import static org.approvalchain.engine.proxy.ProxyException.Kind.INVALID;
import static org.approvalchain.engine.proxy.ProxyException.Kind.NOT_FOUND;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.approvalchain.engine.chain.ProxyChain;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.ApproverKeys;
import org.approvalchain.engine.signing.DecisionSignatureVerifier;
import org.approvalchain.engine.signing.SignatureRejectedException;
import org.springframework.stereotype.Service;

/**
 * Granting and revoking authorisations by the principal's signature, and what each user sees of
 * theirs: as principal and as agent, with their standing on chain and every action taken under them.
 */
@Service
public class Authorisations {

    private final AuthorisationStore store;
    private final ProxyChain chain;
    private final ApproverKeys keys;
    private final UserDirectory users;
    private final Services services;

    Authorisations(AuthorisationStore store, ProxyChain chain, ApproverKeys keys, UserDirectory users, Services services) {
        this.services = services;
        this.users = users;
        this.store = store;
        this.chain = chain;
        this.keys = keys;
    }

    /** Where an authorisation stands now. */
    public enum Standing { VALID, NOT_YET_VALID, EXPIRED, REVOKED }

    /** An authorisation as its parties see it, with the transaction that recorded it on chain. */
    public record Authorisation(String id, String principal, String agent, List<String> services, Instant validFrom,
                                Instant validUntil, Instant grantedAt, String grantTransaction, Standing standing) {
    }

    /** An action the agent took under an authorisation, as the chain recorded it. */
    public record Action(String agent, String action, String service, String caseId, Instant at, String transactionHash,
                         long blockNumber) {
    }

    /**
     * Records the authorisation {@code document} (its canonical text) signed by the caller, its principal.
     *
     * @throws ProxyException PROXY-005 not a canonical authorisation, PROXY-006 the signature refused,
     *                        PROXY-007 the caller is not its principal, PROXY-008 already recorded
     */
    public Authorisation grant(String callerId, String document, String signature) {
        byte[] bytes = utf8(document);
        AuthorisationDocument authorisation;
        try {
            authorisation = AuthorisationDocument.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new ProxyException(INVALID, "PROXY-005 the authorisation document is refused: " + e.getMessage());
        }
        requirePrincipal(callerId, authorisation.principal());
        if (!users.exists(authorisation.agent())) {
            throw new ProxyException(INVALID, "PROXY-005 the authorisation document is refused: agent '"
                    + authorisation.agent() + "' is no user of this engine");
        }
        authorisation.services().stream().filter(service -> !services.deployed(service)).findFirst().ifPresent(unknown -> {
            throw new ProxyException(INVALID, "PROXY-005 the authorisation document is refused: service '" + unknown
                    + "' is no process of this engine");
        });
        if (!authorisation.validUntil().isAfter(Instant.now())) {
            throw new ProxyException(INVALID, "PROXY-005 the authorisation document is refused: validUntil "
                    + authorisation.validUntil() + " has passed");
        }
        byte[] der = verified(callerId, bytes, signature);
        byte[] id = Sm3.digest(bytes);
        TransactionReceipt receipt = chain.grant(id, AgentAuthority.parties(authorisation.principal(), authorisation.agent()),
                authorisation.scope(), authorisation.validFrom(), authorisation.validUntil(), Sm3.digest(der));
        if (!receipt.succeeded()) {
            throw new ProxyException(CONFLICT, "PROXY-008 the chain refused the authorisation: "
                    + ProxyChain.reason(receipt.revertReason()));
        }
        store.add(Sm3.toHex(id), authorisation, document, signature, receipt.transactionHash());
        return view(store.find(Sm3.toHex(id)).orElseThrow());
    }

    /**
     * Revokes the caller's authorisation {@code id} by the revocation {@code document} they signed.
     *
     * @throws ProxyException PROXY-009 no such authorisation of the caller's, PROXY-007 the caller is its agent,
     *                        PROXY-005 not a canonical revocation of it, PROXY-006 the signature refused,
     *                        PROXY-008 already revoked
     */
    public Authorisation revoke(String callerId, String id, String document, String signature) {
        AuthorisationStore.Kept kept = involving(callerId, id);
        requirePrincipal(callerId, kept.principal());
        byte[] bytes = utf8(document);
        RevocationDocument revocation;
        try {
            revocation = RevocationDocument.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new ProxyException(INVALID, "PROXY-005 the revocation document is refused: " + e.getMessage());
        }
        if (!revocation.authorisation().equals(id) || !revocation.principal().equals(callerId)) {
            throw new ProxyException(INVALID, "PROXY-005 the revocation document is refused: it revokes "
                    + revocation.authorisation() + " of " + revocation.principal() + ", not " + id + " of " + callerId);
        }
        verified(callerId, bytes, signature);
        TransactionReceipt receipt = chain.revoke(Sm3Ids.bytes(id), Sm3.digest(bytes));
        if (!receipt.succeeded()) {
            throw new ProxyException(CONFLICT, "PROXY-008 the chain refused the revocation: "
                    + ProxyChain.reason(receipt.revertReason()));
        }
        store.revoked(id, document, signature);
        return view(store.find(id).orElseThrow());
    }

    /** The caller's authorisations, given and received, newest first. */
    public List<Authorisation> of(String callerId) {
        return store.of(callerId).stream().map(this::view).toList();
    }

    /**
     * Every action taken under the authorisation, in chain order, for its principal and its agent.
     *
     * @throws ProxyException PROXY-009 when the caller is neither
     */
    public List<Action> actions(String callerId, String id) {
        AuthorisationStore.Kept kept = involving(callerId, id);
        return chain.actions(Sm3Ids.bytes(id)).stream().map(a -> new Action(kept.agent(), a.action(), a.service(),
                a.caseId().isEmpty() ? null : a.caseId(), a.at(), a.transactionHash(), a.blockNumber())).toList();
    }

    private AuthorisationStore.Kept involving(String callerId, String id) {
        return (Sm3Ids.valid(id) ? store.find(id) : Optional.<AuthorisationStore.Kept>empty())
                .filter(k -> k.principal().equals(callerId) || k.agent().equals(callerId))
                .orElseThrow(() -> new ProxyException(NOT_FOUND, "PROXY-009 user " + callerId
                        + " has no authorisation " + id + " (as principal or agent)"));
    }

    private static void requirePrincipal(String callerId, String principal) {
        if (!callerId.equals(principal)) {
            throw new ProxyException(FORBIDDEN, "PROXY-007 only the principal " + principal
                    + " may grant or revoke this authorisation; user " + callerId + " is not");
        }
    }

    /** The DER signature when it is the caller's, by their key valid now, over exactly these bytes. */
    private byte[] verified(String callerId, byte[] bytes, String signature) {
        ApproverKey key = keys.validAt(callerId, Instant.now()).orElseThrow(() -> new ProxyException(INVALID,
                "PROXY-006 the signature is refused: NO_KEY_REGISTERED: user " + callerId + " has no registered key; "
                        + "enrol one (proof of possession, approved by two administrators) first"));
        try {
            return DecisionSignatureVerifier.verifySignature(key, bytes, signature);
        } catch (SignatureRejectedException e) {
            throw new ProxyException(INVALID, "PROXY-006 the signature is refused: " + e.getMessage());
        }
    }

    private Authorisation view(AuthorisationStore.Kept kept) {
        Instant now = Instant.now();
        Standing standing = chain.revoked(Sm3Ids.bytes(kept.id())) ? Standing.REVOKED
                : now.isAfter(kept.validUntil()) ? Standing.EXPIRED
                : now.isBefore(kept.validFrom()) ? Standing.NOT_YET_VALID : Standing.VALID;
        return new Authorisation(kept.id(), kept.principal(), kept.agent(), kept.services(), kept.validFrom(),
                kept.validUntil(), kept.grantedAt(), kept.grantTx(), standing);
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
