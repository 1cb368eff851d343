package org.approvalchain.engine.legal.camunda;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.modulith.NamedInterface;

/**
 * What an expression in a model may do: it is data, not code. Allowed are variable references,
 * literals, arithmetic, comparisons, boolean logic and the conditional operator, and calls of the
 * allow-listed helpers only: {@code chain.text32(..)}, {@code chain.document(..)}, the tender's
 * {@code chain.time(..)}, {@code chain.revealedBids(..)}, {@code chain.bestBid(..)}, the committee's
 * {@code committee.score(..)} and {@code committee.evaluations(..)}, and {@code execution.getVariable(..)}. Refused are property access ({@code a.b}, {@code a['b']}), any other
 * method call (such as {@code ''.getClass().forName(..)}) and EL functions other than Camunda's
 * task-query functions ({@code currentUser()}, {@code currentUserGroups()}, {@code now()}, {@code
 * dateTime()}). The deployment gate
 * applies it to every expression of a model (LEGAL-009), and the engine applies it again to every
 * expression it creates, so a model deployed before the rule cannot run code either.
 */
@NamedInterface("camunda")
public final class ExpressionPolicy {

    /** Target identifier to the methods a model may call on it. */
    static final Map<String, Set<String>> ALLOWED_CALLS = Map.of(
            "chain", Set.of("text32", "document", "time", "revealedBids", "bestBid"),
            "committee", Set.of("score", "evaluations"),
            "execution", Set.of("getVariable"));

    /** Camunda's own EL functions, for task queries (Tasklist filters): they read the user and the time. */
    static final Set<String> ALLOWED_FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");

    private static final Set<Class<?>> DATA = Set.of(AstEval.class, AstComposite.class, AstText.class, AstNested.class,
            AstBinary.class, AstUnary.class, AstChoice.class, AstString.class, AstNumber.class, AstBoolean.class,
            AstNull.class, AstIdentifier.class, AstParameters.class);

    private ExpressionPolicy() {
    }

    /** Whether the text holds an expression at all ({@code ${..}} or {@code #{..}}). */
    public static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Why the expression may not run, or empty when it is data. */
    public static Optional<String> problemOf(String expression) {
        try {
            return problemOf(new Builder(Builder.Feature.METHOD_INVOCATIONS).build(expression).getRoot());
        } catch (TreeBuilderException e) {
            return Optional.of("not a valid expression: " + e.getMessage());
        }
    }

    private static Optional<String> problemOf(Node node) {
        if (node instanceof AstMethod method) {
            return callProblem(method);
        }
        if (node instanceof AstFunction function && ALLOWED_FUNCTIONS.contains(function.getName())) {
            return children(node);
        }
        if (node instanceof AstDot || node instanceof AstBracket) {
            return Optional.of("property access (" + node + ") is not allowed: refer to variables by name");
        }
        if (!DATA.contains(node.getClass())) {
            return Optional.of(node.getClass().getSimpleName().replace("Ast", "").toLowerCase()
                    + " '" + node + "' is not allowed");
        }
        return children(node);
    }

    private static Optional<String> callProblem(AstMethod method) {
        Node property = method.getChild(0);
        String name = property.toString().replaceFirst("^\\. ", "");
        Node target = property.getChild(0);
        Set<String> allowed = target instanceof AstIdentifier id ? ALLOWED_CALLS.get(id.getName()) : null;
        if (!(property instanceof AstDot) || allowed == null || !allowed.contains(name)) {
            return Optional.of("calling method '" + name + "' is not allowed: only " + ALLOWED_CALLS.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "." + e.getValue().stream().sorted().toList()).toList() + " may be called");
        }
        return children(method.getChild(1));
    }

    private static Optional<String> children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            Optional<String> problem = problemOf(node.getChild(i));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
