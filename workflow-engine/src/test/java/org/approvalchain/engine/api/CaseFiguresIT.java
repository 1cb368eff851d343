package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.Reply;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Figures across cases through Camunda's REST API: refused to an applicant and an officer, answered to
 * an administrator, the metrics to the metrics group.
 */
@SharedEngine
class CaseFiguresIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repository;

    @Test
    void figuresAcrossCasesAreForAdministratorsAndTheMetricsGroup() {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("business-registration")
                .latestVersion().singleResult().getId();
        List<String> figures = List.of("/engine-rest/metrics/activity-instance-start/sum", "/engine-rest/metrics",
                "/engine-rest/process-definition/statistics?incidents=true",
                "/engine-rest/process-definition/" + definition + "/statistics",
                "/engine-rest/history/process-definition/" + definition + "/statistics",
                "/engine-rest/history/process-instance/report?reportType=duration&periodUnit=month",
                "/engine-rest/history/task/report?reportType=count&groupBy=taskName",
                "/engine-rest/task/report/candidate-group-count",
                "/engine-rest/history/process-definition/cleanable-process-instance-report",
                "/engine-rest/batch/statistics");
        String scraper = Applicants.ensure(identity, "figures.scraper");
        if (identity.createGroupQuery().groupId(UserDirectory.METRICS).count() == 0) {
            identity.saveGroup(identity.newGroup(UserDirectory.METRICS));
        }
        if (identity.createUserQuery().userId(scraper).memberOfGroup(UserDirectory.METRICS).count() == 0) {
            identity.createMembership(scraper, UserDirectory.METRICS);
        }

        for (String path : figures) {
            for (String user : List.of("zhang.wei", "wang.fang")) {
                Reply refused = ApiClient.demoUser(base(), user).request("GET", path, null);
                assertThat(refused.status()).as(user + " " + path + ": " + refused.text()).isEqualTo(403);
                assertThat(refused.text()).contains("FIGURES-001");
            }
            Reply answered = ApiClient.of(base(), "demo", "demo").request("GET", path, null);
            assertThat(answered.status()).as(path + ": " + answered.text()).isEqualTo(200);
        }
        // the metrics group reads the metrics (a process's figures also need Camunda's READ permission on it)
        for (String path : figures.subList(0, 2)) {
            Reply answered = ApiClient.of(base(), scraper, scraper).request("GET", path, null);
            assertThat(answered.status()).as(path + ": " + answered.text()).isEqualTo(200);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
