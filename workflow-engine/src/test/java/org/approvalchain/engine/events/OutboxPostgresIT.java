package org.approvalchain.engine.events;

import org.approvalchain.engine.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link OutboxTest} on PostgreSQL (127.0.0.1:5432/test, .ci/ensure-postgresql), in a schema of its own. */
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class OutboxPostgresIT extends OutboxTest {

    static final PostgresSchema SCHEMA = PostgresSchema.create("outbox");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SCHEMA::jdbcUrl);
        registry.add("spring.datasource.username", PostgresSchema::user);
        registry.add("spring.datasource.password", PostgresSchema::password);
    }

    @AfterAll
    static void drop() {
        SCHEMA.close();
    }
}
