package org.approvalchain.engine.keys;

import static org.approvalchain.engine.keys.EnrolmentException.Kind.CONFLICT;
import static org.approvalchain.engine.keys.EnrolmentException.Kind.FORBIDDEN;
import static org.approvalchain.engine.keys.EnrolmentException.Kind.INVALID;
import static org.approvalchain.engine.keys.EnrolmentException.Kind.NOT_FOUND;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.approvalchain.contracts.ApproverKeyRegistryContract;
import org.approvalchain.engine.chain.ApproverKeyChain;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.ledger.TransactionReceipt;
import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.InvalidApproverKeyException;
import org.approvalchain.engine.signing.KeyChallenge;
import org.approvalchain.engine.signing.SignatureRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;

/**
 * Enrols approvers' keys: the approver asks for a challenge for their new public key and signs it
 * with the private key (proof of possession, checked here); a first administrator approves, a
 * second, different one confirms, and the key is registered on chain with the challenge, the proof
 * and both names. The approver is never one of the two. Revocation is the approver's own or an
 * administrator's, and is recorded on chain too. Each step is allowed only from the state before it.
 */
@Service
public class KeyEnrolments {

    private static final Logger log = LoggerFactory.getLogger(KeyEnrolments.class);
    /** How long a challenge may wait for its signature. */
    static final Duration CHALLENGE_VALIDITY = Duration.ofMinutes(15);
    /** How many enrolments one approver may have under way at once (a new key is one, a few tries at most). */
    static final int MOST_OPEN = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;
    private final UserDirectory users;
    private final ApproverKeyChain chain;
    private final RegisteredKeys registered;
    private final ApproverKeyRegistryContract registry;

    KeyEnrolments(JdbcTemplate jdbc, UserDirectory users, ApproverKeyChain chain, RegisteredKeys registered,
                  Contracts contracts) {
        this.jdbc = jdbc;
        // the columns named, not read from the database's metadata: that lookup cannot tell apart two
        // schemas of one PostgreSQL database that both hold the table (two engines side by side)
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("ac_key_enrolment").usingGeneratedKeyColumns("id")
                .usingColumns("approver_id", "public_key_hex", "fingerprint", "challenge", "state", "created_at")
                .withoutTableColumnMetaDataAccess();
        this.users = users;
        this.chain = chain;
        this.registered = registered;
        this.registry = new ApproverKeyRegistryContract(contracts.codec());
    }

    /** Starts enrolling {@code pem} (SM2 public key or certificate) for {@code approverId}: the challenge to sign. */
    public KeyEnrolment challenge(String approverId, String pem) {
        ApproverKey key;
        try {
            key = ApproverKey.fromPem(pem);
        } catch (InvalidApproverKeyException e) {
            throw new EnrolmentException(INVALID, "not an SM2 public key or certificate: " + e.getMessage());
        }
        if (registered.of(approverId).stream().anyMatch(k -> k.key().equals(key))) {
            throw new EnrolmentException(CONFLICT, "key " + key.fingerprint() + " is already registered: enrol a new key");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM ac_key_enrolment WHERE approver_id = ? AND (state IN "
                + "('REQUESTED', 'APPROVED') OR state = 'CHALLENGED' AND created_at > ?)", Integer.class, approverId,
                Timestamp.from(now.minus(CHALLENGE_VALIDITY)));
        if (open != null && open >= MOST_OPEN) {
            throw new EnrolmentException(CONFLICT, approverId + " has " + open + " key enrolments under way (challenges of "
                    + "the last " + CHALLENGE_VALIDITY.toMinutes() + " minutes, and enrolments waiting for the administrators): "
                    + "finish one, or wait until a challenge expires, before starting another");
        }
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        KeyChallenge challenge = new KeyChallenge(approverId, key, HexFormat.of().formatHex(nonce), now);
        Number id = insert.executeAndReturnKey(Map.of("approver_id", approverId, "public_key_hex", key.pointHex(),
                "fingerprint", key.fingerprint(), "challenge", new String(challenge.canonicalBytes(), StandardCharsets.UTF_8),
                "state", KeyEnrolment.State.CHALLENGED.name(), "created_at", Timestamp.from(now)));
        return find(id.longValue());
    }

    /** Takes the approver's signature over the challenge: verified, the enrolment waits for two administrators. */
    public KeyEnrolment prove(long id, String approverId, String signatureBase64) {
        KeyEnrolment enrolment = ownedBy(id, approverId);
        require(enrolment, KeyEnrolment.State.CHALLENGED, "prove possession");
        KeyChallenge challenge = KeyChallenge.parse(enrolment.challenge().getBytes(StandardCharsets.UTF_8));
        if (challenge.issuedAt().plus(CHALLENGE_VALIDITY).isBefore(Instant.now())) {
            throw new EnrolmentException(CONFLICT, "the challenge of enrolment " + id + " expired ("
                    + CHALLENGE_VALIDITY.toMinutes() + " minutes): start a new enrolment");
        }
        byte[] proof;
        try {
            proof = challenge.verifyProof(signatureBase64);
        } catch (SignatureRejectedException e) {
            throw new EnrolmentException(INVALID, "no proof of possession: the signature over the challenge does not verify "
                    + "with key " + enrolment.fingerprint() + " (" + e.reason() + "): sign the challenge's exact bytes with "
                    + "the new key's private key");
        }
        advance(id, KeyEnrolment.State.CHALLENGED, "state = 'REQUESTED', proof = ?", Base64.getEncoder().encodeToString(proof));
        log.info("KEYS-001 {} proved possession of key {} (enrolment {})", approverId, enrolment.fingerprint(), id);
        return find(id);
    }

    /**
     * An administrator's approval. The first makes it {@code APPROVED}; a second, different one
     * registers the key on chain. Nobody approves their own key.
     */
    public KeyEnrolment approve(long id, String adminId) {
        KeyEnrolment enrolment = find(id);
        requireAdmin(adminId, enrolment);
        if (enrolment.state() == KeyEnrolment.State.REQUESTED) {
            advance(id, KeyEnrolment.State.REQUESTED, "state = 'APPROVED', approved_by = ?", adminId);
            log.info("KEYS-002 {} approved key {} of {} (enrolment {}); a second administrator must confirm",
                    adminId, enrolment.fingerprint(), enrolment.approverId(), id);
            return find(id);
        }
        require(enrolment, KeyEnrolment.State.APPROVED, "approve");
        if (enrolment.approvedBy().equals(adminId)) {
            throw new EnrolmentException(CONFLICT, "four eyes: " + adminId + " already approved enrolment " + id
                    + "; a second, different administrator must confirm it");
        }
        String proof = jdbc.queryForObject("SELECT proof FROM ac_key_enrolment WHERE id = ?", String.class, id);
        TransactionReceipt receipt = chain.register(id, enrolment.approverId(), ApproverKey.fromPointHex(enrolment.publicKey())
                .encodedPoint(), Instant.now().toEpochMilli(), enrolment.approvedBy(), adminId,
                enrolment.challenge().getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(proof));
        if (!receipt.succeeded()) {
            throw new EnrolmentException(CONFLICT, "the chain refused key " + enrolment.fingerprint() + ": " + receipt.revertReason());
        }
        long index = receipt.logs().stream().flatMap(l -> registry.keyRegistered(l.topics(), l.data()).stream())
                .findFirst().orElseThrow(() -> new IllegalStateException("KEYS-102 no KeyRegistered event in " + receipt))
                .index();
        advance(id, KeyEnrolment.State.APPROVED, "state = 'REGISTERED', confirmed_by = ?, key_index = ?", adminId, index);
        log.info("KEYS-003 key {} of {} registered on chain (tx {}, block {}), approved by {} and {}", enrolment.fingerprint(),
                enrolment.approverId(), receipt.transactionHash(), receipt.blockNumber(), enrolment.approvedBy(), adminId);
        return find(id);
    }

    /** An administrator refuses the enrolment, with a reason. */
    public KeyEnrolment reject(long id, String adminId, String reason) {
        KeyEnrolment enrolment = find(id);
        requireAdmin(adminId, enrolment);
        if (reason == null || reason.isBlank()) {
            throw new EnrolmentException(INVALID, "reason: say why the enrolment is rejected");
        }
        if (enrolment.state() != KeyEnrolment.State.REQUESTED && enrolment.state() != KeyEnrolment.State.APPROVED) {
            throw new EnrolmentException(CONFLICT, "enrolment " + id + " is " + enrolment.state() + ": only a requested or approved one can be rejected");
        }
        advance(id, enrolment.state(), "state = 'REJECTED', rejected_by = ?, rejection_reason = ?", adminId, reason.strip());
        return find(id);
    }

    /** Ends the validity of the approver's registered key {@code fingerprint} now; by the approver or an administrator. */
    public RegisteredKey revoke(String approverId, String fingerprint, String by) {
        if (!by.equals(approverId) && !users.isAdmin(by)) {
            throw new EnrolmentException(FORBIDDEN, by + " may not revoke the keys of " + approverId
                    + ": only the approver and administrators may");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RegisteredKey key = registered.of(approverId).stream().filter(k -> k.key().fingerprint().equals(fingerprint))
                .findFirst().orElseThrow(() -> new EnrolmentException(NOT_FOUND, "no key " + fingerprint + " is registered for " + approverId));
        if (key.validUntil() != null && !key.validUntil().isAfter(now)) {
            throw new EnrolmentException(CONFLICT, "key " + fingerprint + " of " + approverId + " is no longer valid (since "
                    + key.validUntil() + ")");
        }
        TransactionReceipt receipt = chain.revoke(approverId, key.index(), now.toEpochMilli(), by);
        if (!receipt.succeeded()) {
            throw new EnrolmentException(CONFLICT, "the chain refused to revoke key " + fingerprint + ": " + receipt.revertReason());
        }
        log.info("KEYS-004 key {} of {} revoked by {} (tx {})", fingerprint, approverId, by, receipt.transactionHash());
        return registered.of(approverId).get((int) key.index());
    }

    /** The enrolments in {@code state} (all when null), newest first. */
    public List<KeyEnrolment> list(KeyEnrolment.State state, String approverId) {
        return jdbc.query("SELECT * FROM ac_key_enrolment WHERE (? IS NULL OR state = ?) AND (? IS NULL OR approver_id = ?) "
                + "ORDER BY id DESC", KeyEnrolments::enrolment, state == null ? null : state.name(),
                state == null ? null : state.name(), approverId, approverId);
    }

    public KeyEnrolment find(long id) {
        return jdbc.query("SELECT * FROM ac_key_enrolment WHERE id = ?", KeyEnrolments::enrolment, id).stream().findFirst()
                .orElseThrow(() -> new EnrolmentException(NOT_FOUND, "no key enrolment " + id));
    }

    private KeyEnrolment ownedBy(long id, String approverId) {
        KeyEnrolment enrolment = find(id);
        if (!enrolment.approverId().equals(approverId)) {
            throw new EnrolmentException(FORBIDDEN, "key enrolment " + id + " is not " + approverId + "'s");
        }
        return enrolment;
    }

    private void requireAdmin(String adminId, KeyEnrolment enrolment) {
        if (!users.isAdmin(adminId)) {
            throw new EnrolmentException(FORBIDDEN, adminId + " is not an administrator");
        }
        if (adminId.equals(enrolment.approverId())) {
            throw new EnrolmentException(FORBIDDEN, "four eyes: " + adminId + " may not approve their own key");
        }
    }

    private static void require(KeyEnrolment enrolment, KeyEnrolment.State state, String action) {
        if (enrolment.state() != state) {
            throw new EnrolmentException(CONFLICT, "cannot " + action + " enrolment " + enrolment.id() + ": it is "
                    + enrolment.state() + ", not " + state);
        }
    }

    /** Moves the enrolment on from {@code from} only: of two concurrent requests, one wins and the other is told. */
    private void advance(long id, KeyEnrolment.State from, String set, Object... values) {
        Object[] arguments = Arrays.copyOf(values, values.length + 2);
        arguments[values.length] = id;
        arguments[values.length + 1] = from.name();
        if (jdbc.update("UPDATE ac_key_enrolment SET " + set + " WHERE id = ? AND state = ?", arguments) != 1) {
            throw new EnrolmentException(CONFLICT, "enrolment " + id + " changed meanwhile: it is " + find(id).state());
        }
    }

    private static KeyEnrolment enrolment(ResultSet rs, int row) throws SQLException {
        Number index = (Number) rs.getObject("key_index");
        return new KeyEnrolment(rs.getLong("id"), rs.getString("approver_id"), rs.getString("fingerprint"),
                rs.getString("public_key_hex"), rs.getString("challenge"), KeyEnrolment.State.valueOf(rs.getString("state")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("approved_by"), rs.getString("confirmed_by"),
                rs.getString("rejected_by"), rs.getString("rejection_reason"), index == null ? null : index.longValue());
    }
}
