package org.approvalchain.engine.web;

import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a browser test a {@link BrowserPage}: a new headless Chromium on the engine the test's
 * Spring context started (its port read from that context), quit when the test ends; the test fails
 * when the page's Content-Security-Policy refused anything (the browser's console says so). Ask for it as a
 * parameter of the test or of a {@code @BeforeEach} method; {@link BrowserTest} registers it.
 */
final class OpenBrowser implements ParameterResolver {

    private static final Namespace BROWSERS = Namespace.create(OpenBrowser.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BrowserPage.class;
    }

    @Override
    public BrowserPage resolveParameter(ParameterContext parameter, ExtensionContext context) {
        int port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        BrowserPage page = new BrowserPage(HeadlessChromium.start(), port);
        // closed with the test's (or the @BeforeEach method's test's) extension context, failing it when
        // the web application's Content-Security-Policy refused anything the page tried
        context.getStore(BROWSERS).put(page, (ExtensionContext.Store.CloseableResource) () -> {
            List<String> refused;
            try {
                refused = HeadlessChromium.refusedByThePolicy(page.browser);
            } finally {
                page.browser.quit();
            }
            if (!refused.isEmpty()) {
                throw new AssertionError("the page's Content-Security-Policy refused: " + refused);
            }
        });
        return page;
    }
}
