package org.approvalchain.engine.api;

import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * How our API reads JSON request bodies, and what it says of one it cannot read. Text is text:
 * Jackson would read {@code true} or {@code 12} into a text field as {@code "true"} / {@code "12"},
 * so a client's flag or number where a name, a reason or a URL belongs would pass unnoticed; it is
 * refused instead (400, naming the field and what it takes).
 */
@Configuration
public class JsonBodies {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer textIsText() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /**
     * The field a body could not be read at and what it takes, e.g. {@code reasons: expected text};
     * that it is missing; else that it is not JSON of the shape.
     */
    static String unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return mismatched(mismatch);
        }
        if (e.getCause() == null && String.valueOf(e.getMessage()).startsWith("Required request body is missing")) {
            return "request body is missing"; // an empty body, of whatever type (a BPMN model to validate, too)
        }
        return "request body is not JSON of the expected shape";
    }

    /**
     * The field of a body a value of another type was found at and what it takes, in plain words
     * and without Java's names: {@code eventTypes[1]: expected text}, {@code sorting: expected a list}.
     */
    public static String mismatched(MismatchedInputException mismatch) {
        return (mismatch.getPath().isEmpty() ? "request body" : path(mismatch)) + ": expected "
                + expected(mismatch.getTargetType());
    }

    private static String path(MismatchedInputException mismatch) {
        StringBuilder path = new StringBuilder();
        for (Reference reference : mismatch.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == Date.class) {
            return "a date and time";
        }
        // a record of ours, a DTO of Camunda's REST API
        boolean bean = !type.isInterface() && !type.isPrimitive() && !type.getName().startsWith("java.");
        return Map.class.isAssignableFrom(type) || bean ? "an object" : "another kind of value";
    }
}
