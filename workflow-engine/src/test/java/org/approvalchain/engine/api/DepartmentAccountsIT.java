package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.contracts.CaseLedgerContract;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.chain.Departments;
import org.approvalchain.engine.ledger.CallResult;
import org.approvalchain.engine.ledger.Ledger;
import org.approvalchain.engine.support.ApiClient;
import org.approvalchain.engine.support.Applicants;
import org.approvalchain.engine.support.BusinessRegistration;
import org.approvalchain.engine.support.SharedEngine;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Departments on the chain (docs/departments.md): a business-registration case's steps and decision
 * are sent by the account of the market-regulation department its process names, which the chain
 * itself knows as that department's writer; its audit trail, the chain explorer, the licence it
 * issued and the automation map all name the department; and a model naming a department the chain
 * does not know, or one that may not write its step's contract, is refused at deployment.
 */
@SharedEngine
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentAccountsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REGISTRY = "market-regulation";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    Departments departments;

    @Autowired
    Contracts contracts;

    @Autowired
    Ledger ledger;

    private String caseId;
    private ApiClient applicant;

    @BeforeAll
    void aBusinessRegistrationCaseIsApproved() {
        applicant = ApiClient.demoUser(base(), Applicants.ensure(identity, "department.applicant"));
        caseId = BusinessRegistration.approved(base(), applicant, WAIT);
    }

    @Test
    void everyStepAndTheDecisionAreSentByTheRegistrysOwnAccountWhichTheChainKnowsAsItsWriter() {
        String registry = departments.byId(REGISTRY).orElseThrow().address();
        JsonNode trail = ApiClient.demoUser(base(), "zheng.lu").request("GET", "/api/cases/" + caseId + "/audit", null).accepted();
        List<JsonNode> entries = StreamSupport.stream(trail.spliterator(), false).toList();
        assertThat(entries).extracting(e -> e.path("activityId").asText())
                .contains("Activity_CheckMaterials", "Activity_CheckName", "Activity_OfficerReview", "Activity_IssueLicence");
        for (JsonNode entry : entries) {
            assertThat(entry.path("department").path("id").asText()).as(entry.path("activityId").asText()).isEqualTo(REGISTRY);
            for (String tx : List.of(entry.path("callTxHash").asText(), entry.path("stepTxHash").asText())) {
                String sender = ledger.transaction(tx).orElseThrow().from();
                assertThat(sender).as("sender of %s", tx).isEqualToIgnoringCase(registry);
            }
        }
        assertThat(entries.stream().flatMap(e -> Stream.of(e.path("callTxHash").asText(), e.path("stepTxHash").asText())).distinct())
                .as("the case's chain transactions: each contract call with its step (4), the decision with its step (1)").hasSize(5);
        CaseLedgerContract access = new CaseLedgerContract(contracts.codec());
        CallResult department = contracts.read(CaseLedgerContract.NAME, access.departmentOf(registry));
        assertThat(access.decodeDepartmentOf(department.output())).isEqualTo(REGISTRY);
        assertThat(registry).isNotEqualToIgnoringCase(departments.byId("tax").orElseThrow().address());
    }

    @Test
    void theLicenceTheExplorerAndTheMapNameTheDepartment() {
        JsonNode issued = ApiClient.demoUser(base(), "zheng.lu").request("GET", "/api/cases/" + caseId + "/audit", null)
                .accepted().findValues("callTxHash").stream().map(JsonNode::asText)
                .map(tx -> ApiClient.demoUser(base(), "zheng.lu").request("GET", "/api/chain/transactions/" + tx, null).accepted())
                .filter(tx -> tx.path("events").findValues("name").stream().anyMatch(n -> "LicenseIssued".equals(n.asText())))
                .findFirst().orElseThrow();
        assertThat(issued.path("department").path("name").asText()).isEqualTo("市场监督管理局");
        assertThat(issued.path("function").asText()).as("the issue and its step in one transaction").isEqualTo("recordCall");

        JsonNode licenceIssued = StreamSupport.stream(issued.path("events").spliterator(), false)
                .filter(e -> "LicenseIssued".equals(e.path("name").asText())).findFirst().orElseThrow();
        String licenceNo = licenceIssued.path("fields").get(0).path("value").asText();
        JsonNode licence = ApiClient.anonymous(base()).request("GET", "/api/public/licences/" + licenceNo, null).accepted();
        assertThat(licence.path("issuerDepartment").asText()).isEqualTo(REGISTRY);

        JsonNode map = ApiClient.demoUser(base(), "zheng.lu")
                .request("GET", "/api/processes/business-registration/versions/latest/automation-map", null).accepted();
        assertThat(map.path("departments").path("Activity_IssueLicence").path("id").asText()).isEqualTo(REGISTRY);
        assertThat(map.path("departments").path("Activity_OfficerReview").path("name").asText()).isEqualTo("市场监督管理局");
    }

    @Test
    void aModelNamingAnUnknownDepartmentOrOneThatMayNotWriteItsContractIsRefused() {
        String key = "departments-" + UUID.randomUUID().toString().substring(0, 8);
        String model = LegalGateIT.licenceApplication().replace("licence-application", key);
        ApiClient designer = ApiClient.demoUser(base(), "lin.hua");

        String unknown = model.replace("<camunda:property name=\"mode\" value=\"automatic\" />",
                "<camunda:property name=\"mode\" value=\"automatic\" /><camunda:property name=\"department\" value=\"ministry-of-magic\" />");
        assertThat(designer.request("POST", "/api/models/deployments", java.util.Map.of("name", key, "bpmnXml", unknown))
                .refused(422, "DEPLOY-001").path("detail").asText()).contains("LEGAL-014", "ministry-of-magic");

        String notAllowed = model.replace("<camunda:property name=\"mode\" value=\"automatic\" />",
                "<camunda:property name=\"mode\" value=\"automatic\" /><camunda:property name=\"department\" value=\"tax\" />");
        assertThat(designer.request("POST", "/api/models/deployments", java.util.Map.of("name", key, "bpmnXml", notAllowed))
                .refused(422, "DEPLOY-001").path("detail").asText()).contains("LEGAL-015", "'tax' may not write EligibilityRule");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
