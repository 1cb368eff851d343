package org.approvalchain.engine.chain;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The departments as application.yml ships them, for tests that check models without a Spring context. */
public final class ShippedDepartments {

    private ShippedDepartments() {
    }

    public static DepartmentProperties properties() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return new Binder(ConfigurationPropertySources.get(environment))
                    .bindOrCreate("approvalchain.departments", DepartmentProperties.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
