package org.approvalchain.engine.identity.camunda;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API ({@code /engine-rest}) is open by default: this puts Camunda's own HTTP
 * Basic authentication in front of it, against the same identity service, so that engine
 * authorizations apply to the caller.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setName("camunda-rest-authentication");
        return registration;
    }
}
