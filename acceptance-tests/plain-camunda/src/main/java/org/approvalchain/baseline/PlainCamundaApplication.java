package org.approvalchain.baseline;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The case benchmark's baseline: Camunda 7 on Spring Boot with its REST API and H2, as its starter
 * makes it, running the business-registration BPMN of {@code bpmn-models} unchanged (same async
 * flags, same timer, same gateways). The BPMN's contract steps name the delegate {@code ${contractStep}};
 * here that bean does nothing, so what remains is Camunda's own cost of the same process; the
 * gateways' inputs the contracts would answer ({@code materialsComplete}, {@code nameTaken}) come
 * with the start. The user task is completed through Camunda's REST API without any signature. Settings that size the
 * engine (history level, H2 durability, thread and pool sizes) are the engine's, in application.yml.
 */
@SpringBootApplication
public class PlainCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlainCamundaApplication.class, args);
    }

    /** Every contract step, as a no-op. */
    @Bean
    JavaDelegate contractStep() {
        return execution -> { };
    }
}
