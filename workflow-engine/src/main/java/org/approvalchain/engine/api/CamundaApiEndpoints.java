package org.approvalchain.engine.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.approvalchain.engine.process.PersonalData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine which endpoint of Camunda's REST API or webapps a request is ({@code GET
 * /engine-rest/…}), so that a personal data read it makes is recorded with it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class CamundaApiEndpoints {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> camundaApiEndpoint(PersonalData personalData) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try (PersonalData.Endpoint ignored = personalData.serving(request.getMethod() + " " + request.getRequestURI())) {
                    chain.doFilter(request, response);
                }
            }
        });
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setName("camunda-api-endpoint");
        return registration;
    }
}
