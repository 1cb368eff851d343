package org.approvalchain.engine.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.signing.DecisionPayload;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A completed case verifies clean against the chain; each edit of the engine's own records is
 * then reported precisely: changed reasons, a deleted step row, swapped step order, a changed
 * signature, an edited case-state document or step result, a decision state set back, a case put
 * on another process version, an assignee written into the history, a step row naming another
 * contract or function than its call, an application field passed off as the applicant's corrections. (Edits of the embedded chain's own blocks are {@code ChainTamperingTest}'s.)
 */
@SharedEngine
class CaseVerifierIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUntouchedCaseVerifiesCleanAndUnknownCasesAreNotFound() throws Exception {
        String caseId = completedCase();
        JsonNode result = verify(caseId, 200);
        assertThat(result.get("clean").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("findings")).isEmpty();
        verify("no-such-case", 404);
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/api/cases/" + caseId + "/verify")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void reportsChangedReasons() {
        String caseId = completedCase();
        jdbc.update("UPDATE ac_decision SET reasons = ? WHERE case_id = ?", "材料不全", caseId);
        assertThat(findings(caseId)).containsExactly("ALTERED " + taskOf(caseId) + " reasons 材料不全 符合条件",
                "ALTERED " + taskOf(caseId) + " history decisionReasons 符合条件 材料不全");
    }

    @Test
    void aDecisionRowPutOnAnotherActivityThanItsSignedPayloadIsReported() {
        String caseId = completedCase();
        String taskId = taskOf(caseId);
        jdbc.update("UPDATE ac_decision SET activity_id = 'Activity_SupervisorReview' WHERE case_id = ?", caseId);
        assertThat(findings(caseId)).containsExactly(
                "ALTERED " + taskId + " activity_id Activity_SupervisorReview Activity_ReviewApplication");
    }

    @Test
    void aDeletedStepRowLeavesAnExtraStepOnChain() {
        String caseId = completedCase();
        String stepKey = firstAutomaticStep(caseId);
        jdbc.update("DELETE FROM ac_case_step WHERE step_key = ?", stepKey);
        JsonNode result = verify(caseId, 200);
        assertThat(result.get("clean").asBoolean()).isFalse();
        assertThat(result.get("findings")).hasSize(1);
        JsonNode finding = result.get("findings").get(0);
        assertThat(finding.get("kind").asText()).isEqualTo("EXTRA");
        assertThat(finding.get("subject").asText()).isEqualTo(stepKey);
        assertThat(finding.get("chain").asText()).startsWith("sequence 1, kind AUTOMATIC");
    }

    @Test
    void swappedStepsAreReportedReordered() {
        String caseId = completedCase();
        List<Map<String, Object>> steps = jdbc.queryForList("SELECT step_key, step_block, recorded_at FROM ac_case_step "
                + "WHERE case_id = ? ORDER BY step_block", caseId);
        Map<String, Object> first = steps.get(0);
        Map<String, Object> second = steps.get(1);
        jdbc.update("UPDATE ac_case_step SET step_block = ?, recorded_at = ? WHERE step_key = ?",
                second.get("step_block"), second.get("recorded_at"), first.get("step_key"));
        jdbc.update("UPDATE ac_case_step SET step_block = ?, recorded_at = ? WHERE step_key = ?",
                first.get("step_block"), first.get("recorded_at"), second.get("step_key"));
        List<String> findings = findings(caseId);
        assertThat(findings).contains(
                "REORDERED " + first.get("step_key") + " sequence position 2 sequence 1, position 1",
                "REORDERED " + second.get("step_key") + " sequence position 1 sequence 2, position 2");
        assertThat(findings).filteredOn(f -> f.startsWith("ALTERED")).allMatch(f -> f.contains("step_tx block"));
    }

    @Test
    void aChangedSignatureIsAlteredAndInvalid() {
        String caseId = completedCase();
        String payload = jdbc.queryForObject("SELECT payload FROM ac_decision WHERE case_id = ?", String.class, caseId);
        String forged = Sm2DecisionSigner.generate().sign(payload);
        jdbc.update("UPDATE ac_decision SET signature_b64 = ? WHERE case_id = ?", forged, caseId);
        List<String> findings = findings(caseId);
        String taskId = taskOf(caseId);
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0)).startsWith("ALTERED " + taskId + " signature " + forged + " ");
        assertThat(findings.get(1)).startsWith("INVALID_SIGNATURE " + taskId + " signature " + forged);
        assertThat(Base64.getDecoder().decode(findings.get(0).split(" ")[4])).isNotEmpty();
    }

    @Test
    void aStepWhoseTransactionAnotherAccountSentIsNotTheResponsibleDepartmentsAct() {
        String caseId = completedCase();
        String stepKey = firstAutomaticStep(caseId);
        // a transaction the engine account sent (granting a department its writes), in the same block and state
        Map<String, Object> other = jdbc.queryForMap("SELECT tx_hash, block_number, status FROM ac_chain_write "
                + "WHERE write_key LIKE 'grant/%' AND write_key NOT LIKE 'grant/EligibilityRule/%' ORDER BY block_number LIMIT 1");
        jdbc.update("UPDATE ac_case_step SET call_tx_hash = ?, call_block = ?, call_status = ? WHERE step_key = ?",
                other.get("tx_hash"), other.get("block_number"), other.get("status"), stepKey);
        List<String> findings = findings(caseId);
        assertThat(findings).hasSize(4);
        assertThat(findings.get(0)).startsWith("ALTERED " + stepKey + " call_tx sender ");
        // and the transaction made another call than the step's, with other arguments
        assertThat(findings.get(1)).startsWith("ALTERED " + stepKey + " contract EligibilityRule ").doesNotEndWith("null");
        assertThat(findings.get(2)).isEqualTo("ALTERED " + stepKey + " function evaluate grantWriter");
        assertThat(findings.get(3)).startsWith("ALTERED " + stepKey + " inputs_hash ").doesNotEndWith("null");
    }

    @Test
    void aStepRowNamingAnotherContractOrFunctionThanItsCallIsReported() {
        String caseId = completedCase();
        String stepKey = jdbc.queryForObject("SELECT step_key FROM ac_case_step WHERE case_id = ? AND function_name = 'issue'",
                String.class, caseId);
        jdbc.update("UPDATE ac_case_step SET contract_name = 'EligibilityRule', function_name = 'evaluate' WHERE step_key = ?",
                stepKey);
        assertThat(findings(caseId)).containsExactly("ALTERED " + stepKey + " contract EligibilityRule LicenseRegistry",
                "ALTERED " + stepKey + " function evaluate issue");
    }

    @Test
    void anEditedResultWhoseHashWasKeptIsAltered() {
        String caseId = completedCase();
        String stepKey = firstAutomaticStep(caseId);
        jdbc.update("UPDATE ac_case_step SET result_json = REPLACE(result_json, 'true', 'false') WHERE step_key = ?", stepKey);
        assertThat(findings(caseId)).singleElement().asString().startsWith("ALTERED " + stepKey + " result_json ");
    }

    @Test
    void aChangedActorAndADeletedDecisionAreReported() {
        String caseId = completedCase();
        String manualStep = jdbc.queryForObject("SELECT step_key FROM ac_case_step WHERE case_id = ? AND kind = 'MANUAL'",
                String.class, caseId);
        jdbc.update("UPDATE ac_case_step SET actor = 'li.na' WHERE step_key = ?", manualStep);
        assertThat(findings(caseId)).containsExactly("ALTERED " + manualStep + " actor li.na wang.fang");

        String taskId = taskOf(caseId);
        jdbc.update("DELETE FROM ac_decision WHERE case_id = ?", caseId);
        List<String> findings = findings(caseId);
        assertThat(findings).hasSize(5);
        assertThat(findings.get(0)).startsWith("MISSING " + manualStep + " decision null DecisionRegistry tx 0x");
        assertThat(findings.get(1)).isEqualTo("MISSING " + taskId + " decision task Activity_ReviewApplication completed null");
        // the decision the case still shows, now that no signed decision made it
        assertThat(findings.subList(2, 5)).containsExactly("EXTRA case history decision APPROVE null",
                "EXTRA case history decidedBy wang.fang null", "EXTRA case history decisionReasons 符合条件 null");
    }

    @Test
    void anEditedHistoryDecisionAndADeletedHistoryTaskAreReported() {
        String caseId = completedCase();
        String taskId = taskOf(caseId);
        setHistoryVariable(caseId, "decision", "REJECT");
        assertThat(findings(caseId)).containsExactly("ALTERED " + taskId + " history decision REJECT APPROVE");

        setHistoryVariable(caseId, "decision", "APPROVE");
        jdbc.update("DELETE FROM ACT_HI_TASKINST WHERE ID_ = ?", taskId);
        assertThat(findings(caseId)).singleElement().asString().startsWith("MISSING " + taskId + " completed task null APPROVE by wang.fang");
    }

    @Test
    void anApplicationFieldOrApplicantEditedAfterTheDecisionIsReported() {
        String caseId = completedCase();
        String taskId = taskOf(caseId);
        setHistoryVariable(caseId, "licenceType", "导游证");
        assertThat(findings(caseId)).containsExactly("ALTERED " + taskId + " decided on licenceType 导游证 营业执照");

        setHistoryVariable(caseId, "licenceType", "营业执照");
        String hash = setHistoryVariable(caseId, "applicantHash", "0x" + "7d".repeat(32));
        assertThat(findings(caseId)).containsExactly("ALTERED case applicantHash 0x" + "7d".repeat(32) + " " + hash,
                "ALTERED " + taskId + " decided on applicantHash 0x" + "7d".repeat(32) + " " + hash);
    }

    @Test
    void theApplicantsDataEditedIsReported() {
        String caseId = completedCase();
        String instance = jdbc.queryForObject("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", String.class, caseId);
        String openedWith = jdbc.queryForObject("SELECT TEXT_ FROM ACT_HI_VARINST WHERE NAME_ = 'applicantHash' AND PROC_INST_ID_ = ?",
                String.class, instance);
        assertThat(verify(caseId, 200).get("clean").asBoolean()).as("the applicant's data as the case keeps it").isTrue();

        String applicant = setHistoryVariable(caseId, "applicant", "{\"name\":\"王五\"}");
        assertThat(applicant).contains("李四");
        assertThat(findings(caseId)).singleElement().asString().startsWith("ALTERED case applicant 0x").endsWith(" " + openedWith);
    }

    @Test
    void aCasePutOnAnotherVersionOrGivenAnotherAssigneeIsReported() {
        String caseId = completedCase();
        String taskId = taskOf(caseId);
        String version = jdbc.queryForObject("SELECT PROC_DEF_ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", String.class, caseId);
        String other = jdbc.queryForObject("SELECT MIN(ID_) FROM ACT_RE_PROCDEF WHERE KEY_ = 'business-registration'", String.class);
        jdbc.update("UPDATE ACT_HI_PROCINST SET PROC_DEF_ID_ = ? WHERE BUSINESS_KEY_ = ?", other, caseId);
        assertThat(findings(caseId)).contains("ALTERED case process definition " + other + " " + version);

        jdbc.update("UPDATE ACT_HI_PROCINST SET PROC_DEF_ID_ = ? WHERE BUSINESS_KEY_ = ?", version, caseId);
        jdbc.update("UPDATE ACT_HI_TASKINST SET ASSIGNEE_ = 'zhang.wei' WHERE ID_ = ?", taskId);
        assertThat(findings(caseId)).containsExactly("ALTERED " + taskId + " history assignee zhang.wei wang.fang");
    }

    /** Edits the text of the case's history variable {@code name} behind the engine's back; returns what it was. */
    private String setHistoryVariable(String caseId, String name, String text) {
        String instance = jdbc.queryForObject("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", String.class, caseId);
        String was = jdbc.queryForObject("SELECT TEXT_ FROM ACT_HI_VARINST WHERE NAME_ = ? AND PROC_INST_ID_ = ?", String.class,
                name, instance);
        jdbc.update("UPDATE ACT_HI_VARINST SET TEXT_ = ? WHERE NAME_ = ? AND PROC_INST_ID_ = ?", text, name, instance);
        return was;
    }

    @Test
    void theApplicantsCorrectionsAreConfirmedByTheChainAndAFieldPassedOffAsCorrectedIsReported() {
        ApiClient wangFang = ApiClient.demoUser(base(), "wang.fang");
        String caseId = BusinessRegistration.returnedForCorrection(wangFang, Duration.ofSeconds(30));
        Reply corrected = wangFang.request("POST", "/api/cases/" + caseId + "/corrections",
                Map.of("application", Map.of("materialsSubmitted", 5), "note", "已补齐公司章程"));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(202);
        ApiClient chenJie = ApiClient.demoUser(base(), "chen.jie");
        String taskId = chenJie.awaitOpenTask(caseId, "Activity_OfficerReview", Duration.ofSeconds(30));
        chenJie.decide(taskId, "APPROVE", "补正后材料齐全", Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, "chen.jie")::sign);
        wangFang.awaitState(caseId, "COMPLETED", Duration.ofSeconds(30));
        JsonNode clean = verify(caseId, 200);
        assertThat(clean.get("clean").asBoolean()).as(clean.toString()).isTrue();

        // the enterprise name edited, and the corrections' time moved after the decision to pass it off as corrected
        String name = setHistoryVariable(caseId, "enterpriseName", "北京冒名科技有限公司");
        String instance = jdbc.queryForObject("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", String.class, caseId);
        long at = jdbc.queryForObject("SELECT LONG_ FROM ACT_HI_VARINST WHERE NAME_ = 'correctionsSubmittedAt' AND PROC_INST_ID_ = ?",
                Long.class, instance);
        setCorrectionsTime(instance, System.currentTimeMillis());
        assertThat(findings(caseId)).hasSize(2).anySatisfy(line -> assertThat(line).startsWith("ALTERED case corrections sent by wang.fang"))
                .contains("ALTERED " + taskId + " decided on enterpriseName 北京冒名科技有限公司 " + name);

        setHistoryVariable(caseId, "enterpriseName", name);
        setCorrectionsTime(instance, at);
        assertThat(verify(caseId, 200).get("clean").asBoolean()).isTrue();
        setHistoryVariable(caseId, "correctionNote", "已补齐公司章程和股东会决议");
        assertThat(findings(caseId)).singleElement().asString().startsWith("ALTERED case corrections sent by wang.fang");
    }

    private void setCorrectionsTime(String instance, long at) {
        jdbc.update("UPDATE ACT_HI_VARINST SET LONG_ = ? WHERE NAME_ = 'correctionsSubmittedAt' AND PROC_INST_ID_ = ?", at, instance);
    }

    @Test
    void anEndTheCaseDidNotReachIsReported() {
        String caseId = completedCase();
        String ended = jdbc.queryForObject("SELECT END_ACT_ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", String.class, caseId);
        jdbc.update("UPDATE ACT_HI_PROCINST SET END_ACT_ID_ = 'EndEvent_NotApproved' WHERE BUSINESS_KEY_ = ?", caseId);

        assertThat(findings(caseId)).singleElement().asString().startsWith("ALTERED case end event EndEvent_NotApproved reached [")
                .contains(ended);
    }

    @Test
    void aDeletedActivityOfASignedStepIsReported() {
        String caseId = completedCase();
        String taskId = taskOf(caseId);
        jdbc.update("DELETE FROM ACT_HI_ACTINST WHERE TASK_ID_ = ?", taskId);

        assertThat(findings(caseId)).singleElement().asString()
                .startsWith("MISSING " + taskId + " completed activity null APPROVE by wang.fang");
    }

    @Test
    void anEditedCaseStateDocumentIsReported() {
        String caseId = completedCase();
        String taskId = taskOf(caseId);
        String signed = signedCaseState(caseId);
        jdbc.update("UPDATE ac_decision SET case_state = REPLACE(case_state, '营业执照', '食品经营许可证') WHERE case_id = ?", caseId);
        String edited = jdbc.queryForObject("SELECT case_state FROM ac_decision WHERE case_id = ?", String.class, caseId);

        assertThat(edited).contains("食品经营许可证");
        assertThat(findings(caseId)).containsExactly("ALTERED " + taskId + " case_state " + Sm3.hex(edited.getBytes(UTF_8))
                + " " + signed);

        jdbc.update("UPDATE ac_decision SET case_state = NULL WHERE case_id = ?", caseId);
        assertThat(findings(caseId)).containsExactly("MISSING " + taskId + " case_state null payload caseState " + signed);
    }

    @Test
    void aStepResultThatTheKeptCaseStateOrTheStepRowNoLongerAgreesOnWithTheChainIsReported() {
        String caseId = completedCase();
        String taskId = taskOf(caseId);
        String stepKey = caseId + "/Activity_CheckEligibility#1";
        String onChain = jdbc.queryForObject("SELECT result_hash FROM ac_case_step WHERE step_key = ?", String.class, stepKey);
        String forged = "0x" + "d".repeat(64);
        jdbc.update("UPDATE ac_decision SET case_state = REPLACE(case_state, ?, ?) WHERE case_id = ?", onChain, forged, caseId);
        String edited = jdbc.queryForObject("SELECT case_state FROM ac_decision WHERE case_id = ?", String.class, caseId);

        assertThat(findings(caseId)).containsExactly(
                "ALTERED " + taskId + " case_state " + Sm3.hex(edited.getBytes(UTF_8)) + " " + signedCaseState(caseId),
                "ALTERED " + taskId + " case_state step Activity_CheckEligibility#1 result_hash " + forged + " " + onChain);

        jdbc.update("UPDATE ac_decision SET case_state = REPLACE(case_state, ?, ?) WHERE case_id = ?", forged, onChain, caseId);
        jdbc.update("UPDATE ac_case_step SET result_hash = ? WHERE step_key = ?", forged, stepKey);
        assertThat(findings(caseId)).containsExactly("ALTERED " + stepKey + " result_hash " + forged + " " + onChain,
                "ALTERED " + stepKey + " result_json " + forged + " " + onChain);
    }

    @Test
    void aDecisionStateThatDisagreesWithTheChainIsReported() {
        String caseId = completedCase();
        String taskId = taskOf(caseId);
        jdbc.update("UPDATE ac_decision SET state = 'SIGNED' WHERE case_id = ?", caseId);
        assertThat(findings(caseId)).containsExactly("ALTERED " + taskId + " state SIGNED RECORDED in DecisionRegistry, task completed");

        jdbc.update("UPDATE ac_decision SET state = 'ARCHIVED', decision_block = NULL WHERE case_id = ?", caseId);
        List<String> findings = findings(caseId);
        assertThat(findings).contains("ALTERED " + taskId + " state ARCHIVED RECORDED in DecisionRegistry, task completed");
        assertThat(findings).noneMatch(f -> f.startsWith("MISSING"));
    }

    @Test
    void anEditedDecisionBlockIsReported() {
        // the block orders a case's decisions: which one is its latest, that the case must show
        String caseId = completedCase();
        String taskId = taskOf(caseId);
        long block = jdbc.queryForObject("SELECT decision_block FROM ac_decision WHERE case_id = ?", Long.class, caseId);
        jdbc.update("UPDATE ac_decision SET decision_block = ? WHERE case_id = ?", block + 1000, caseId);
        assertThat(findings(caseId)).containsExactly("ALTERED " + taskId + " decision_tx block " + (block + 1000) + " " + block);
    }

    @Test
    void aDecisionBackdatedOrMarkedRecordedBeforeTheChainIsReported() {
        // the time a decision was taken counts against the step's time limit
        String caseId = completedCase();
        String taskId = taskOf(caseId);
        jdbc.update("UPDATE ac_decision SET signed_at = DATEADD('DAY', -3, signed_at), recorded_at = DATEADD('DAY', -3, recorded_at)"
                + " WHERE case_id = ?", caseId);
        assertThat(findings(caseId)).extracting(line -> line.split(" ")[2]).containsExactly("signed_at", "recorded_at");
    }

    @Test
    void aStepRowRenamedOrPutOnAnotherActivityOrVisitThanItsKeyIsReported() {
        String caseId = completedCase();
        String stepKey = firstAutomaticStep(caseId);
        String name = jdbc.queryForObject("SELECT activity_name FROM ac_case_step WHERE step_key = ?", String.class, stepKey);
        jdbc.update("UPDATE ac_case_step SET activity_name = '人工复核 Reviewed by an officer' WHERE step_key = ?", stepKey);
        assertThat(findings(caseId)).containsExactly("ALTERED " + stepKey + " activity_name 人工复核 Reviewed by an officer " + name);

        String activityId = stepKey.substring(caseId.length() + 1, stepKey.lastIndexOf('#'));
        jdbc.update("UPDATE ac_case_step SET activity_name = ?, activity_id = 'Activity_ReviewApplication', visit = 2 "
                + "WHERE step_key = ?", name, stepKey);
        assertThat(findings(caseId)).containsExactly("ALTERED " + stepKey + " activity_id Activity_ReviewApplication " + activityId,
                "ALTERED " + stepKey + " visit 2 1");
    }

    @Test
    void aRevertReasonOrAnActorWrittenIntoAnAutomaticStepOrTheStepBackdatedIsReported() {
        String caseId = completedCase();
        String stepKey = firstAutomaticStep(caseId);
        jdbc.update("UPDATE ac_case_step SET revert_reason = 'applicant under 18', actor = 'wang.fang' WHERE step_key = ?", stepKey);
        assertThat(findings(caseId)).containsExactly("ALTERED " + stepKey + " revert_reason applicant under 18 null",
                "ALTERED " + stepKey + " actor wang.fang null");

        jdbc.update("UPDATE ac_case_step SET revert_reason = NULL, actor = NULL, recorded_at = DATEADD('DAY', -2, recorded_at) WHERE step_key = ?",
                stepKey);
        assertThat(findings(caseId)).singleElement().asString().startsWith("ALTERED " + stepKey + " recorded_at ");
    }

    @Test
    void anInputsHashThatIsNotTheCallsArgumentsOrTheSignedPayloadIsReported() {
        String caseId = completedCase();
        String automatic = firstAutomaticStep(caseId);
        String manual = jdbc.queryForObject("SELECT step_key FROM ac_case_step WHERE case_id = ? AND kind = 'MANUAL'",
                String.class, caseId);
        String[] hashes = {jdbc.queryForObject("SELECT inputs_hash FROM ac_case_step WHERE step_key = ?", String.class, automatic),
                jdbc.queryForObject("SELECT inputs_hash FROM ac_case_step WHERE step_key = ?", String.class, manual)};
        String other = "0x" + "ab".repeat(32);
        jdbc.update("UPDATE ac_case_step SET inputs_hash = ? WHERE step_key IN (?, ?)", other, automatic, manual);

        assertThat(findings(caseId)).containsExactlyInAnyOrder("ALTERED " + automatic + " inputs_hash " + other + " " + hashes[0],
                "ALTERED " + manual + " inputs_hash " + other + " " + hashes[1]);
    }

    private String signedCaseState(String caseId) {
        String payload = jdbc.queryForObject("SELECT payload FROM ac_decision WHERE case_id = ?", String.class, caseId);
        return DecisionPayload.parse(payload.getBytes(UTF_8)).caseState();
    }

    private String completedCase() {
        ApiClient wangFang = ApiClient.demoUser(base(), "wang.fang");
        String caseId = wangFang.startCase("licence-application", Map.of("applicantAge", 45, "licenceType", "营业执照"),
                Map.of("name", "李四"));
        String taskId = wangFang.awaitOpenTask(caseId, "Activity_ReviewApplication", Duration.ofSeconds(30));
        wangFang.decide(taskId, "APPROVE", "符合条件", Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, "wang.fang")::sign);
        wangFang.awaitState(caseId, "COMPLETED", Duration.ofSeconds(30));
        return caseId;
    }

    private String firstAutomaticStep(String caseId) {
        return jdbc.queryForObject("SELECT step_key FROM ac_case_step WHERE case_id = ? AND kind = 'AUTOMATIC' "
                + "ORDER BY step_block LIMIT 1", String.class, caseId);
    }

    private String taskOf(String caseId) {
        return jdbc.queryForObject("SELECT task_id FROM ac_decision WHERE case_id = ?", String.class, caseId);
    }

    /** Findings as {@code KIND subject field engine chain} lines. */
    private List<String> findings(String caseId) {
        JsonNode result = verify(caseId, 200);
        assertThat(result.get("clean").asBoolean()).isFalse();
        List<String> lines = new java.util.ArrayList<>();
        result.get("findings").forEach(f -> lines.add(String.join(" ", f.get("kind").asText(), f.get("subject").asText(),
                f.get("field").asText(), f.get("engine").asText(), f.get("chain").asText())));
        return lines;
    }

    private JsonNode verify(String caseId, int status) {
        Reply reply = ApiClient.demoUser(base(), "zheng.lu").request("GET", "/api/cases/" + caseId + "/verify", null);
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        return reply.body();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
