package org.approvalchain.engine;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The ApprovalChain workflow engine: one Spring Boot application. With
 * {@code --approvalchain.verify=<caseId|all>} it runs without a web server, verifies the case(s)
 * against the chain and exits (0 clean, 1 findings, 2 unknown case).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ApprovalChainApplication {

    public static void main(String[] args) {
        if (Arrays.stream(args).anyMatch(a -> a.startsWith("--approvalchain.verify="))) {
            System.exit(verify(args));
        }
        SpringApplication.run(ApprovalChainApplication.class, args);
    }

    /** Runs the verification command without a web server; returns the exit code. */
    public static int verify(String... args) {
        return SpringApplication.exit(new SpringApplicationBuilder(ApprovalChainApplication.class)
                .web(WebApplicationType.NONE)
                // Camunda's REST API needs a servlet container, which this mode does not start
                .properties("spring.autoconfigure.exclude="
                        + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration")
                .run(args));
    }
}
