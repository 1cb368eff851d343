package org.approvalchain.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The crash storm's webhook receiver, sent deliveries over HTTP as the engine sends them: a case is
 * told right when each expected fact came under one event id (delivered again under it or not), and
 * wrong when a fact came under two ids, is missing, or another fact came.
 */
class EventReceiverTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> EXPECTED = Set.of("org.approvalchain.case.started@",
            "org.approvalchain.step.recorded@Activity_CheckName", "org.approvalchain.case.ended@EndEvent_Registered");

    private EventReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = new EventReceiver(Benchmark.freePort());
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void eachFactUnderOneIdIsRightDeliveredAgainOrNot() throws Exception {
        tellApprovedCase("case-1");
        deliver("e-2", "org.approvalchain.step.recorded", "case-1", "{\"activityId\":\"Activity_CheckName\"}");

        assertThat(receiver.told("case-1", EXPECTED)).isTrue();
        assertThat(receiver.toldWrong("case-1", EXPECTED)).isEmpty();
        assertThat(receiver.deliveries()).isEqualTo(4);
    }

    @Test
    void aFactUnderTwoIdsHappenedTwice() throws Exception {
        tellApprovedCase("case-1");
        deliver("e-4", "org.approvalchain.step.recorded", "case-1", "{\"activityId\":\"Activity_CheckName\"}");

        assertThat(receiver.toldWrong("case-1", EXPECTED)).get().asString().contains("Activity_CheckName=[e-2, e-4]");
    }

    @Test
    void aMissingOrAnotherFactIsWrong() throws Exception {
        deliver("e-1", "org.approvalchain.case.started", "case-1", "{}");
        assertThat(receiver.told("case-1", EXPECTED)).isFalse();
        assertThat(receiver.toldWrong("case-1", EXPECTED)).isPresent();
        assertThat(receiver.toldWrong("case-never", EXPECTED)).isPresent();

        tellApprovedCase("case-2");
        deliver("e-9", "org.approvalchain.incident.created", "case-2", "{\"activityId\":\"Activity_CheckName\"}");
        assertThat(receiver.toldWrong("case-2", EXPECTED)).get().asString().contains("incident.created@Activity_CheckName");
    }

    private void tellApprovedCase(String caseId) throws Exception {
        deliver("e-1", "org.approvalchain.case.started", caseId, "{}");
        deliver("e-2", "org.approvalchain.step.recorded", caseId, "{\"activityId\":\"Activity_CheckName\"}");
        deliver("e-3", "org.approvalchain.case.ended", caseId, "{\"endActivityId\":\"EndEvent_Registered\"}");
    }

    private void deliver(String id, String type, String caseId, String data) throws Exception {
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"subject\":\"" + caseId
                + "\",\"data\":" + data + "}";
        HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(204);
    }
}
