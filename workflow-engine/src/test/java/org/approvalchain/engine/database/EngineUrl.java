package org.approvalchain.engine.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The engine's database URL as application.yml gives it. */
final class EngineUrl {

    private EngineUrl() {
    }

    /** What application.yml puts after the database's path in the engine's URL. */
    static String settings() throws IOException {
        Object url = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .get(0).getProperty("spring.datasource.url");
        String text = String.valueOf(url);
        assertThat(text).startsWith("jdbc:h2:file:");
        return text.substring(text.indexOf(';') + 1);
    }
}
