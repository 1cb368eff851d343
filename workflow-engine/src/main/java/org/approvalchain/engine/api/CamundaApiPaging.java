package org.approvalchain.engine.api;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of a list on Camunda's REST API starts at a row from 0 and holds 0 rows or more: Camunda
 * passes {@code firstResult=-10} or {@code maxResults=-3} to the database, which refuses them, and
 * answers 500 ("an exception occurred in the persistence layer"). Refused here with 400 in
 * Camunda's own error shape, naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class CamundaApiPaging {

    private static final List<String> PAGING = List.of("firstResult", "maxResults");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> camundaApiPage() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // from the query string only: the body of a deployment is the JAX-RS resource's to read
                MultiValueMap<String, String> query = UriComponentsBuilder.newInstance().query(request.getQueryString())
                        .build().getQueryParams();
                Optional<String> wrong = PAGING.stream().map(name -> wrong(name, query.getFirst(name)))
                        .flatMap(Optional::stream).findFirst();
                if (wrong.isPresent()) {
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    JSON.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException",
                            "message", wrong.get()));
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/engine-rest/*");
        registration.setName("camunda-api-paging");
        return registration;
    }

    /** What is wrong with a paging parameter's value, if anything. */
    static Optional<String> wrong(String name, String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        String value = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        try {
            return Integer.parseInt(value.trim()) >= 0 ? Optional.empty()
                    : Optional.of(name + ": " + value + " is less than 0");
        } catch (NumberFormatException notANumber) {
            return Optional.of(name + ": '" + value + "' is not a whole number from 0");
        }
    }
}
