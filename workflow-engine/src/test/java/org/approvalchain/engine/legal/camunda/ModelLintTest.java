package org.approvalchain.engine.legal.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.approvalchain.contracts.ChainCrypto;
import org.approvalchain.engine.chain.Contracts;
import org.approvalchain.engine.chain.ShippedDepartments;
import org.approvalchain.engine.legal.ContractCatalogue;
import org.approvalchain.engine.legal.Finding;
import org.approvalchain.engine.legal.LegalGate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The build's lint of every model: each {@code processes/*.bpmn} on the classpath (those of
 * bpmn-models and the test processes) passes the legal gate, against the contracts' ABIs of both
 * chain types. A finding fails the build with the same message a deployment would get.
 */
class ModelLintTest {

    @Test
    void everyModelOnTheClasspathPassesTheLegalGate() throws IOException {
        Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
        assertThat(models).extracting(Resource::getFilename).contains("licence-application.bpmn", "revert-routing.bpmn",
                "case-messages.bpmn", "business-registration.bpmn", "real-estate-transfer.bpmn", "cross-province-service.bpmn",
                "einvoice-issue.bpmn", "einvoice-red-letter.bpmn", "einvoice-reimbursement.bpmn",
                "relief-fund.bpmn", "public-tendering.bpmn", "tender-bid.bpmn");
        for (ChainCrypto crypto : ChainCrypto.values()) {
            BpmnModelValidator validator = new BpmnModelValidator(new LegalGate(new ContractCatalogue(Contracts.interfaces(crypto)),
                    LegalDepartments.of(ShippedDepartments.properties())));
            for (Resource model : models) {
                try (InputStream in = model.getInputStream()) {
                    assertThat(validator.validate(in.readAllBytes())).as("%s on %s", model.getFilename(), crypto)
                            .extracting(Finding::describe).isEmpty();
                }
            }
        }
    }
}
