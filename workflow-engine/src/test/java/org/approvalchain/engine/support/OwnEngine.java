package org.approvalchain.engine.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * An IT that boots engines of its own in the test JVM (another profile, ledger, crypto or database)
 * instead of the {@link SharedEngine}. The build runs these in a JVM of their own: an engine started
 * and stopped beside the shared one leaves the shared engine's Camunda webapps without a process
 * engine (see the failsafe executions in workflow-engine/pom.xml).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("own-engine")
public @interface OwnEngine {
}
