package org.approvalchain.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Reply;

/**
 * Every case the scenarios left, of every reference process, verifies against the chain (the
 * verifier a legal reviewer runs, {@code GET /api/cases/{id}/verify}), whatever way it went: no
 * scenario edits the engine's records, so the only findings allowed are the time limits the
 * scenarios let pass by running their timers at once ({@code EARLY}, what the verifier must report).
 */
final class EveryCaseVerified {

    private EveryCaseVerified() {
    }

    /**
     * Fails naming every case with a finding other than a time limit run early; else says how many
     * cases verified and how many time limits the verifier reported run early.
     */
    static String assertEveryCaseVerifies(ApiClient admin) {
        JsonNode cases = admin.camundaGet("/history/process-instance");
        List<String> offending = new ArrayList<>();
        int verified = 0;
        int early = 0;
        for (JsonNode instance : cases) {
            String caseId = instance.path("businessKey").asText(null);
            if (caseId == null) {
                continue;
            }
            Reply reply = admin.request("GET", "/api/cases/" + caseId + "/verify", null);
            verified++;
            if (reply.status() != 200) {
                offending.add(caseId + " (" + instance.path("processDefinitionKey").asText() + "): " + reply.status() + " "
                        + reply.text());
                continue;
            }
            early += (int) StreamSupport.stream(reply.body().path("findings").spliterator(), false)
                    .filter(finding -> "EARLY".equals(finding.path("kind").asText())).count();
            StreamSupport.stream(reply.body().path("findings").spliterator(), false)
                    .filter(finding -> !"EARLY".equals(finding.path("kind").asText()))
                    .forEach(finding -> offending.add(caseId + " (" + instance.path("processDefinitionKey").asText() + "): "
                            + finding));
        }
        if (verified == 0) {
            throw new AssertionError("no case to verify: did the scenarios run against this engine?");
        }
        if (!offending.isEmpty()) {
            throw new AssertionError(offending.size() + " finding(s) in the " + verified
                    + " cases the scenarios left, which no scenario caused on purpose:\n  " + String.join("\n  ", offending));
        }
        return verified + " case(s) verified against the chain, " + early + " time limit(s) reported run early";
    }
}
