package org.approvalchain.engine.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.approvalchain.engine.support.SharedEngine;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser test of the web application on the shared engine: each test (or its
 * {@code @BeforeEach}) takes a {@link BrowserPage} parameter, a fresh headless Chromium pointed at
 * the engine's port, closed after the test ({@link OpenBrowser}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SharedEngine
@ExtendWith(OpenBrowser.class)
@interface BrowserTest {
}
