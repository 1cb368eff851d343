package org.approvalchain.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The ApprovalChain workflow engine: one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ApprovalChainApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApprovalChainApplication.class, args);
    }
}
