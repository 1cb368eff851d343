package org.approvalchain.engine.process;

import java.util.ArrayList;
import java.util.Arrays;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * An engine plugin that sees every command before the engine runs it, whoever sends it (Camunda
 * REST, the webapps, Java), and may refuse it by throwing: outside the command's transaction, so
 * that a refusal reaches Camunda REST as what it is (a 4xx) rather than as a failed command (500
 * and a stack trace). It may also look at what an accepted command answered.
 */
abstract class CommandGuard extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                before(configuration, command);
                T result = next.execute(command);
                after(configuration, command, result);
                return result;
            }
        });
    }

    /** Looks at a command before it runs; throws to refuse it. */
    abstract void before(ProcessEngineConfigurationImpl configuration, Command<?> command);

    /** Whether the user signed in to Camunda is a member of one of the groups. */
    static boolean memberOfAny(Authentication user, String... groups) {
        return user.getGroupIds() != null && Arrays.stream(groups).anyMatch(user.getGroupIds()::contains);
    }

    /** Looks at what an accepted command answered, before the caller gets it; nothing by default. */
    void after(ProcessEngineConfigurationImpl configuration, Command<?> command, Object result) {
    }
}
