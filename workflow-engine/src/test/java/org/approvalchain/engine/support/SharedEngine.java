package org.approvalchain.engine.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole engine on its embedded defaults (demo profile, H2, embedded ledger) on a random port,
 * booted once per test JVM and shared by every IT that carries this annotation: Spring caches the
 * context, so the engine starts once, not once per class. Its data lives in a fresh folder under
 * {@code target/it-data}, its metrics exported as in production ({@code /actuator/prometheus}, which
 * Spring Boot's tests leave out unless asked). Tests on a shared engine work on cases of their own and never assume an
 * empty engine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ContextConfiguration(initializers = SharedEngine.DataDir.class)
public @interface SharedEngine {

    /** The shared engine's data directory (demo keys under {@code demo-keys}). */
    Path DATA_DIR = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();

    /** Points {@code approvalchain.data-dir} at {@link #DATA_DIR}. */
    final class DataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("approvalchain.data-dir=" + DATA_DIR).applyTo(context);
        }
    }
}
