package org.approvalchain.engine.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/** Puts the engine's data source (Spring Boot's pool) behind {@link WholeCommits}. */
@Component
class WholeCommitsForTheEngine implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof WholeCommits)
                ? new WholeCommits(dataSource)
                : bean;
    }
}
