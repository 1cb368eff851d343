package org.approvalchain.engine.process;

import java.time.ZoneId;
import java.util.List;

import org.approvalchain.engine.calendar.WorkingDays;
import org.approvalchain.engine.calendar.camunda.WorkingDayTimers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Camunda engine of the process tests: in memory on H2, no job executor (a test runs each job
 * itself, so a timer falls due when the test says), the working-day calendar, full history (as the product keeps it), and an
 * expression manager that sees {@code Mocks}, where {@link ScriptedContractStep} stands in for the
 * Spring beans the models name. One engine for all process tests of a JVM; each test deploys its
 * models with {@code @Deployment} and the extension removes them afterwards.
 */
final class InMemoryEngine {

    static final ProcessEngine ENGINE = build("approvalchain-process-tests");

    private InMemoryEngine() {
    }

    /** The extension over {@link #ENGINE}, which also points camunda-bpm-assert at it for each test. */
    static ProcessEngineExtension extension() {
        return new ProcessEngineExtension() {
            @Override
            public void beforeTestExecution(ExtensionContext context) {
                super.beforeTestExecution(context);
                BpmnAwareTests.init(processEngine);
            }

            @Override
            public void afterTestExecution(ExtensionContext context) {
                BpmnAwareTests.reset();
                super.afterTestExecution(context);
            }
        }.useProcessEngine(ENGINE);
    }

    /** The case reads of {@code engine}, on its own database. */
    static CaseReads reads(ProcessEngine engine) {
        return new CaseReads(engine.getHistoryService(), engine.getRuntimeService(), engine.getTaskService(),
                engine.getManagementService(), new JdbcTemplate(((ProcessEngineConfigurationImpl)
                        engine.getProcessEngineConfiguration()).getDataSource()));
    }

    /**
     * An engine configured as {@link #ENGINE}, named {@code name} on an in-memory database of its own,
     * with {@code plugins} besides, for a test that needs the engine built otherwise.
     */
    static ProcessEngine build(String name, ProcessEnginePlugin... plugins) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.getProcessEnginePlugins().add(new WorkingDayTimers(WorkingDays.load(null, ZoneId.of("Asia/Shanghai"))));
        configuration.getProcessEnginePlugins().addAll(List.of(plugins));
        return configuration.buildProcessEngine();
    }
}
