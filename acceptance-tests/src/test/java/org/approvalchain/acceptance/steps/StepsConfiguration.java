package org.approvalchain.acceptance.steps;

import io.cucumber.spring.CucumberContextConfiguration;
import org.springframework.test.context.ContextConfiguration;

/**
 * The steps' own small Spring context (not the application's: that one runs apart and is reached
 * over HTTP). It gives each scenario a new {@link CaseUnderReview} shared by the step classes.
 */
@CucumberContextConfiguration
@ContextConfiguration(classes = {CaseUnderReview.class, ChainEvidence.class})
public class StepsConfiguration {
}
