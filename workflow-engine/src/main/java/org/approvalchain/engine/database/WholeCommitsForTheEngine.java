package org.approvalchain.engine.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Puts the engine's data source (Spring Boot's pool) behind {@link WholeCommits}; an H2 database's
 * connections keep their statements ({@link KeptStatements}).
 */
@Component
class WholeCommitsForTheEngine implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            KeptStatements.keepIn(pool);
        }
        return bean instanceof DataSource dataSource && !(bean instanceof WholeCommits)
                ? new WholeCommits(dataSource)
                : bean;
    }
}
