package org.approvalchain.engine.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.approvalchain.engine.audit.CaseAudit;
import org.approvalchain.engine.audit.CaseVerifier;
import org.approvalchain.engine.identity.PasswordChecks;
import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.keys.KeyEnrolments;
import org.approvalchain.engine.keys.RegisteredKeys;
import org.approvalchain.engine.process.CaseAccess;
import org.approvalchain.engine.process.CaseMessages;
import org.approvalchain.engine.process.Cases;
import org.approvalchain.engine.process.DecidedTasks;
import org.approvalchain.engine.process.Decisions;
import org.approvalchain.engine.process.AgentStarts;
import org.approvalchain.engine.process.IdempotentStarts;
import org.approvalchain.engine.process.PersonalData;
import org.approvalchain.engine.process.Tasks;
import org.approvalchain.engine.process.TimeLimitExtensions;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A {@code @WebMvcTest} slice of the web edge: the controllers under test with the capabilities they
 * call mocked, and the edge's own security and error handling imported (configuration classes are not
 * part of the slice; the login limit's filter is, and with it what it learns password checks from). One annotation for all web edge tests, so that they share one cached context.
 * Camunda's starters need no exclusion: none of their auto-configurations is among the slice's, so no
 * engine starts (only their banner is printed). Users come from {@code @WithMockUser}; the real
 * authentication against the identity service is exercised by the full-context ITs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = {TasksController.class, CasesController.class, KeysController.class, MeController.class})
@Import({SecurityConfiguration.class, ProblemDetailsAuthenticationEntryPoint.class, ApiExceptionHandler.class,
    PasswordChecks.class})
@MockitoBean(types = {Tasks.class, DecidedTasks.class, Decisions.class, Cases.class, IdempotentStarts.class, CaseMessages.class, CaseAudit.class,
    CaseVerifier.class, KeyEnrolments.class, RegisteredKeys.class, UserDirectory.class, CaseAccess.class, PersonalData.class,
    TimeLimitExtensions.class, AgentStarts.class})
@interface WebEdgeTest {
}
