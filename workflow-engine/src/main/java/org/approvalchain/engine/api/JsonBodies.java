package org.approvalchain.engine.api;

import java.util.Arrays;
import java.util.Collection;
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
class JsonBodies {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer textIsText() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /** The field a body could not be read at and what it takes, e.g. {@code reasons: expected text}; else that it is not JSON of the shape. */
    static String unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return path(mismatch) + ": expected " + expected(mismatch.getTargetType());
        }
        return "request body is not JSON of the expected shape";
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
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "another kind of value";
    }
}
