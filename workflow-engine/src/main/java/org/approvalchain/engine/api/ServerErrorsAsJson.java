package org.approvalchain.engine.api;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.JsonErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A request the web server refuses before any servlet sees it (a path with {@code %00}, an encoded
 * {@code /} or {@code ..}, an unreadable request line) is answered in JSON like every other error,
 * not with Tomcat's HTML page: {@code {"type":"Status Report","message":"Invalid URI","description":…}},
 * without the server's name or version.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ServerErrorsAsJson {

    @Bean
    JsonValve jsonErrorReportValve() {
        return new JsonValve();
    }

    /** After Spring Boot's customizer, whose HTML valve it replaces. */
    static class JsonValve implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                JsonErrorReportValve json = new JsonErrorReportValve();
                json.setShowReport(false);
                json.setShowServerInfo(false);
                host.getPipeline().addValve(json);
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName()); // the host adds no other
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
