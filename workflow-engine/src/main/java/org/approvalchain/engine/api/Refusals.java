package org.approvalchain.engine.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem codes (docs/errors.md) an operation answers beyond those every operation may
 * ({@link ApiDocumentation} adds 401 and 500 to each, 400 to those that take input, 403 to those
 * of a session and of administrators): the OpenAPI document lists them under their statuses.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface Refusals {

    String[] value();
}
