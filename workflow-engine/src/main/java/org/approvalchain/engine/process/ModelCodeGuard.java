package org.approvalchain.engine.process;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.approvalchain.engine.legal.camunda.ExpressionPolicy;
import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.ExecutableScript;
import org.camunda.bpm.engine.impl.scripting.ScriptFactory;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A model runs no code at run time either, whatever the deployment gate let through before: every
 * expression the engine creates (at deployment, when a deployed definition is loaded, for a
 * contract step's inputs) must pass {@link ExpressionPolicy}, or it fails with {@code
 * EXPRESSION-001}; no script is compiled ({@code CODE-001}) and no class a model names is
 * instantiated ({@code CODE-002}): a definition that would fails to load, its jobs into incidents.
 * Of the Spring beans, expressions see only the ones a model may name: the generic contract step
 * and the {@code chain} and {@code committee} helpers.
 */
@Component
class ModelCodeGuard extends AbstractProcessEnginePlugin {

    /** The beans a model may name in an expression. */
    static final Set<String> MODEL_BEANS = Set.of("contractStep", "chain", "committee");

    private final ApplicationContext context;

    ModelCodeGuard(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new DataOnlyExpressionManager(context));
        configuration.setScriptFactory(new NoScripts());
        configuration.setArtifactFactory(new NoModelClasses());
    }

    /** Scripts in a model (script tasks, script listeners, script input/output) are code: none is compiled. */
    private static final class NoScripts extends ScriptFactory {

        @Override
        public ExecutableScript createScriptFromResource(String language, String resource) {
            throw refused(language);
        }

        @Override
        public ExecutableScript createScriptFromResource(String language, Expression resource) {
            throw refused(language);
        }

        @Override
        public ExecutableScript createScriptFromSource(String language, String source) {
            throw refused(language);
        }

        @Override
        public ExecutableScript createScriptFromSource(String language, Expression source) {
            throw refused(language);
        }

        private static ProcessEngineException refused(String language) {
            return new ProcessEngineException("CODE-001 a " + language + " script in a model is refused: models are data");
        }
    }

    /** Java classes named in a model (delegates, listeners, shell and mail tasks) are code: none is instantiated. */
    private static final class NoModelClasses implements ArtifactFactory {

        @Override
        public <T> T getArtifact(Class<T> type) {
            throw new ProcessEngineException("CODE-002 class " + type.getName() + " named in a model is refused: "
                    + "bind the step to a contract with ${contractStep}");
        }
    }

    /** Camunda's Spring expression manager, with the policy checked first and only the model beans exposed. */
    private static final class DataOnlyExpressionManager extends SpringExpressionManager {

        DataOnlyExpressionManager(ApplicationContext context) {
            super(context, new ModelBeans(context));
        }

        @Override
        public ValueExpression createValueExpression(String expression) {
            ExpressionPolicy.problemOf(expression).ifPresent(problem -> {
                throw new ProcessEngineException("EXPRESSION-001 expression '" + expression + "' refused: " + problem);
            });
            return super.createValueExpression(expression);
        }
    }

    /** The model beans, looked up when first used (they are created after the engine's plugins). */
    private static final class ModelBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;

        ModelBeans(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public boolean containsKey(Object name) {
            return MODEL_BEANS.contains(name);
        }

        @Override
        public Object get(Object name) {
            return containsKey(name) ? context.getBean((String) name) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return MODEL_BEANS.stream().map(name -> Map.entry((Object) name, context.getBean(name)))
                    .collect(Collectors.toSet());
        }
    }
}
