package org.approvalchain.engine.identity.camunda;

import java.util.ArrayList;

import org.approvalchain.engine.identity.PasswordChecks;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Tells {@link PasswordChecks} the outcome of every password Camunda checks, whoever asks: our API's
 * directory, Camunda's REST API (HTTP Basic) and its webapps' login.
 */
@Component
class CamundaPasswordChecks extends AbstractProcessEnginePlugin {

    private final PasswordChecks checks;

    CamundaPasswordChecks(PasswordChecks checks) {
        this.checks = checks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                T result = next.execute(command);
                if (command instanceof CheckPassword) {
                    checks.checked(Boolean.TRUE.equals(result));
                }
                return result;
            }
        });
    }
}
