package org.approvalchain.engine.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.audit.CaseVerifier;
import org.approvalchain.engine.chain.ApproverKeyChain;
import org.approvalchain.engine.demo.camunda.DemoUsers;
import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.KeyChallenge;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Approvers' keys as an attacker and a careless operator would try them: a key needs the approver's
 * proof of possession and two different administrators, and then it is on chain; a database row or
 * a chain registration without a valid proof puts no key in anyone's name; a rotated or revoked key
 * signs nothing new, while decisions signed before keep verifying.
 */
@SharedEngine
class KeyEnrolmentIT {

    private static final String REVIEW = "Activity_ReviewApplication";

    @LocalServerPort
    int port;

    @Autowired
    DemoUsers users;

    @Autowired
    RegisteredKeys keys;

    @Autowired
    ApproverKeyChain chain;

    @Autowired
    CaseVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    private String approver;
    private ApiClient me;
    private ApiClient admin;
    private ApiClient secondAdmin;

    @BeforeEach
    void newApprover() {
        approver = "key.tester." + System.nanoTime();
        users.ensure(approver, "测试审批人", "licensing-officers");
        me = ApiClient.demoUser(base(), approver);
        admin = ApiClient.of(base(), "demo", "demo");
        secondAdmin = ApiClient.demoUser(base(), "he.ping");
    }

    @Test
    void aKeyIsRegisteredOnChainOnlyWithProofOfPossessionAndTwoDifferentAdministrators() {
        Sm2DecisionSigner key = Sm2DecisionSigner.generate();
        JsonNode enrolment = me.enrolKey(key.publicKeyPem(), key::sign);
        long id = enrolment.path("id").asLong();
        assertThat(enrolment.path("state").asText()).isEqualTo("REQUESTED");

        assertRefused(me.approveEnrolment(id), 403, "");
        assertThat(admin.approveEnrolment(id).accepted().path("state").asText()).isEqualTo("APPROVED");
        assertThat(keys.of(approver)).as("one administrator is not enough").isEmpty();
        assertRefused(admin.approveEnrolment(id), 409, "four eyes: demo already approved enrolment " + id);
        JsonNode registered = secondAdmin.approveEnrolment(id).accepted();

        assertThat(registered.path("state").asText()).isEqualTo("REGISTERED");
        assertThat(registered.path("keyIndex").asLong()).isZero();
        RegisteredKey onChain = keys.of(approver).get(0);
        assertThat(onChain.key()).isEqualTo(ApproverKey.fromPem(key.publicKeyPem()));
        assertThat(onChain.proven()).isTrue();
        assertThat(onChain.approvedBy()).isEqualTo("demo");
        assertThat(onChain.confirmedBy()).isEqualTo("he.ping");
        assertThat(onChain.validUntil()).isNull();
        assertThat(me.request("GET", "/api/me/keys", null).accepted().get(0).path("fingerprint").asText())
                .isEqualTo(onChain.key().fingerprint());
        assertRefused(me.request("POST", "/api/me/key-enrolments", Map.of("publicKey", key.publicKeyPem())), 409,
                "already registered");
    }

    @Test
    void withoutTheNewKeysSignatureOverTheChallengeNothingIsRequested() {
        Sm2DecisionSigner key = Sm2DecisionSigner.generate();
        JsonNode enrolment = me.request("POST", "/api/me/key-enrolments", Map.of("publicKey", key.publicKeyPem())).accepted();
        String challenge = enrolment.path("challenge").asText();
        String proofPath = "/api/me/key-enrolments/" + enrolment.path("id").asLong() + "/proof";

        assertRefused(me.request("POST", proofPath, Map.of("signature", Sm2DecisionSigner.generate().sign(challenge))), 400,
                "no proof of possession");
        assertRefused(ApiClient.demoUser(base(), "li.na").request("POST", proofPath, Map.of("signature", key.sign(challenge))),
                403, "is not li.na's");
        assertRefused(me.request("POST", "/api/me/key-enrolments", Map.of("publicKey",
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")), 400, "not an SM2 public key");
        assertRefused(admin.approveEnrolment(enrolment.path("id").asLong()), 409, "it is CHALLENGED, not APPROVED");
        assertThat(me.request("POST", proofPath, Map.of("signature", key.sign(challenge))).accepted().path("state").asText())
                .isEqualTo("REQUESTED");
    }

    @Test
    void anApproverHasAtMostFiveEnrolmentsUnderWay() {
        List<Long> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(me.request("POST", "/api/me/key-enrolments", Map.of("publicKey", Sm2DecisionSigner.generate()
                    .publicKeyPem())).accepted().path("id").asLong());
        }
        String another = Sm2DecisionSigner.generate().publicKeyPem();
        assertRefused(me.request("POST", "/api/me/key-enrolments", Map.of("publicKey", another)), 409,
                approver + " has 5 key enrolments under way");

        jdbc.update("UPDATE ac_key_enrolment SET created_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(KeyEnrolments.CHALLENGE_VALIDITY).minusSeconds(1)), started.get(0));
        assertThat(me.request("POST", "/api/me/key-enrolments", Map.of("publicKey", another)).accepted().path("state")
                .asText()).as("once a challenge expired").isEqualTo("CHALLENGED");
    }

    @Test
    void anAdministratorCannotApproveTheirOwnKey() {
        Sm2DecisionSigner key = Sm2DecisionSigner.generate();
        long id = admin.enrolKey(key.publicKeyPem(), key::sign).path("id").asLong();

        assertRefused(admin.approveEnrolment(id), 403, "may not approve their own key");
    }

    @Test
    void neitherAnEditedRowNorAChainRegistrationWithoutProofLetsAKeySign() {
        Sm2DecisionSigner intruder = Sm2DecisionSigner.generate();
        ApproverKey intruderKey = ApproverKey.fromPem(intruder.publicKeyPem());
        jdbc.update("INSERT INTO ac_key_enrolment (approver_id, public_key_hex, fingerprint, challenge, state, created_at, "
                + "approved_by, confirmed_by, key_index) VALUES (?, ?, ?, '{}', 'REGISTERED', ?, 'demo', 'he.ping', 0)",
                approver, intruderKey.pointHex(), intruderKey.fingerprint(), Timestamp.from(Instant.now()));
        KeyChallenge someoneElses = new KeyChallenge("li.na", intruderKey, "00", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(chain.register(-System.nanoTime(), approver, intruderKey.encodedPoint(), Instant.now().toEpochMilli(),
                "demo", "he.ping", someoneElses.canonicalBytes(), java.util.Base64.getDecoder().decode(
                        intruder.sign(new String(someoneElses.canonicalBytes(), StandardCharsets.UTF_8)))).succeeded()).isTrue();
        assertThat(keys.of(approver)).singleElement().satisfies(k -> assertThat(k.proven()).isFalse());

        String taskId = openReview();
        String payload = me.decisionPayload(taskId, "APPROVE", "");
        assertRefused(me.submitDecision(taskId, payload, intruder.sign(payload)), 400, "NO_KEY_REGISTERED");
    }

    @Test
    void aReplacedKeySignsNothingNewWhileItsEarlierDecisionsStayValid() {
        Sm2DecisionSigner first = Sm2DecisionSigner.generate();
        me.ensureKey(first.publicKeyPem(), first::sign, admin, secondAdmin);
        String decidedWithFirst = openReview();
        String caseId = caseOf(decidedWithFirst);
        me.decide(decidedWithFirst, "APPROVE", "材料齐全", first::sign);
        String pending = openReview();
        String stalePayload = me.decisionPayload(pending, "APPROVE", "");

        Sm2DecisionSigner second = Sm2DecisionSigner.generate();
        me.ensureKey(second.publicKeyPem(), second::sign, admin, secondAdmin);

        assertRefused(me.submitDecision(pending, stalePayload, first.sign(stalePayload)), 400, "KEY_NO_LONGER_VALID");
        String freshPayload = me.decisionPayload(pending, "APPROVE", "");
        assertRefused(me.submitDecision(pending, freshPayload, first.sign(freshPayload)), 400, "DOES_NOT_VERIFY");
        List<RegisteredKey> registered = keys.of(approver);
        assertThat(registered).hasSize(2);
        assertThat(registered.get(0).validUntil()).isEqualTo(registered.get(1).validFrom());
        assertThat(verifier.verify(caseId).findings()).as("decided with the key valid then").isEmpty();

        String fingerprint = registered.get(1).key().fingerprint();
        assertThat(me.request("POST", "/api/me/keys/" + fingerprint + "/revoke", null).accepted().path("revokedBy").asText())
                .isEqualTo(approver);
        assertRefused(me.submitDecision(pending, freshPayload, second.sign(freshPayload)), 400, "KEY_NO_LONGER_VALID");
        assertRefused(ApiClient.demoUser(base(), "li.na").request("POST", "/api/admin/approvers/" + approver + "/keys/"
                + fingerprint + "/revoke", null), 403, "");
    }

    private String openReview() {
        ApiClient applicant = ApiClient.demoUser(base(), "li.na");
        String caseId = applicant.startCase("licence-application", Map.of("applicantAge", 30, "licenceType", "食品经营许可证"),
                Map.of("name", "钱二"));
        return applicant.awaitOpenTask(caseId, REVIEW, Duration.ofSeconds(30));
    }

    private String caseOf(String taskId) {
        return jdbc.queryForObject("SELECT BUSINESS_KEY_ FROM ACT_RU_EXECUTION e JOIN ACT_RU_TASK t ON t.PROC_INST_ID_ = e.ID_ "
                + "WHERE t.ID_ = ?", String.class, taskId);
    }

    private static void assertRefused(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.text()).contains(message);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
