package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/cases} finds only the cases a user may read: applicants their own, the office of a
 * process its cases, legal reviewers all; bad criteria are refused naming what was wrong.
 */
@SharedEngine
class CaseSearchIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    private String caseId;
    private ApiClient applicant;

    @BeforeEach
    void aCaseWithTheOfficers() {
        applicant = ApiClient.demoUser(base(), Applicants.ensure(identity, "case-search." + UUID.randomUUID()));
        caseId = BusinessRegistration.atTheOfficersReview(applicant, WAIT);
    }

    @Test
    void everyoneWhoMayReadTheCaseFindsItByItsIdAndNobodyElse() {
        for (String reader : new String[] {"zheng.lu", "chen.jie", "demo"}) {
            JsonNode found = ApiClient.demoUser(base(), reader).request("GET", "/api/cases?caseId=" + caseId, null).accepted();
            assertThat(found).as(reader).singleElement().satisfies(c -> {
                assertThat(c.path("caseId").asText()).isEqualTo(caseId);
                assertThat(c.path("processKey").asText()).isEqualTo("business-registration");
                assertThat(c.path("standing").asText()).isEqualTo("OPEN");
            });
        }
        assertThat(applicant.request("GET", "/api/cases?caseId=" + caseId, null).accepted()).hasSize(1);
        assertThat(ApiClient.demoUser(base(), "liu.yang").request("GET", "/api/cases?caseId=" + caseId, null).accepted())
                .as("a real-estate registrar does not handle business registrations").isEmpty();
        assertThat(ApiClient.demoUser(base(), Applicants.ensure(identity, "case-search.other")).request("GET",
                "/api/cases?caseId=" + caseId, null).accepted()).as("another applicant").isEmpty();
    }

    @Test
    void findsByProcessStandingAndTheDayItStarted() {
        ApiClient reviewer = ApiClient.demoUser(base(), "zheng.lu");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        assertThat(caseIds(reviewer, "processKey=business-registration&standing=OPEN&startedFrom=" + today + "&startedTo=" + today))
                .contains(caseId);
        assertThat(caseIds(reviewer, "processKey=real-estate-transfer")).doesNotContain(caseId);
        assertThat(caseIds(reviewer, "standing=ENDED")).doesNotContain(caseId);
        assertThat(caseIds(reviewer, "startedTo=2020-01-01")).doesNotContain(caseId);
        assertThat(caseIds(applicant, "")).containsExactly(caseId);
    }

    @Test
    void aCaseReturnedForCorrectionSaysItWaitsForItsApplicant() {
        String returned = BusinessRegistration.returnedForCorrection(applicant, WAIT);
        for (ApiClient reader : List.of(applicant, ApiClient.demoUser(base(), "chen.jie"))) {
            assertThat(reader.request("GET", "/api/cases?caseId=" + returned, null).accepted()).singleElement()
                    .satisfies(c -> assertThat(c.path("awaiting").toString()).contains("corrections-submitted"));
        }
        assertThat(applicant.request("GET", "/api/cases?caseId=" + caseId, null).accepted()).singleElement()
                .satisfies(c -> assertThat(c.path("awaiting").toString()).doesNotContain("corrections-submitted"));
    }

    @Test
    void refusesCriteriaThatCannotBeMetNamingWhatIsWrong() {
        ApiClient reviewer = ApiClient.demoUser(base(), "zheng.lu");

        Reply backwards = reviewer.request("GET", "/api/cases?startedFrom=2026-11-30&startedTo=2026-11-01", null);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.reason()).contains("startedTo 2026-11-01 is before startedFrom 2026-11-30");

        Reply standing = reviewer.request("GET", "/api/cases?standing=SOMETIMES", null);
        assertThat(standing.status()).isEqualTo(400);
        assertThat(standing.text()).contains("standing").doesNotContain("Exception");

        assertThat(reviewer.request("GET", "/api/cases?startedFrom=yesterday", null).status()).isEqualTo(400);
    }

    private static List<String> caseIds(ApiClient client, String query) {
        JsonNode found = client.request("GET", "/api/cases?" + query, null).accepted();
        return StreamSupport.stream(found.spliterator(), false).map(c -> c.path("caseId").asText()).toList();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
