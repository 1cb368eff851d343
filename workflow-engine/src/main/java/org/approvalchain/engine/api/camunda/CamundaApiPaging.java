package org.approvalchain.engine.api.camunda;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A page of a list on Camunda's REST API starts at a row from 0 and holds 0 rows or more: Camunda
 * passes {@code firstResult=-10} or {@code maxResults=-3} to the database, which refuses them, and
 * answers 500 ("an exception occurred in the persistence layer"). Refused here with 400 in
 * Camunda's own error shape, naming the parameter; after the caller is authenticated, as every
 * other answer of the API.
 */
@Configuration(proxyBeanMethods = false)
class CamundaApiPaging {

    private static final List<String> PAGING = List.of("firstResult", "maxResults");

    @Bean
    ResourceConfigCustomizer camundaApiPages() {
        return config -> config.register(Pages.class);
    }

    /** Reads the query string only: the body of a deployment is the resource's to read. */
    static class Pages implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
            PAGING.stream().map(name -> wrong(name, query.getFirst(name))).flatMap(Optional::stream).findFirst()
                    .ifPresent(wrong -> request.abortWith(CamundaApiArguments.answer(Response.Status.BAD_REQUEST, wrong)));
        }
    }

    /** What is wrong with a paging parameter's value, if anything. */
    static Optional<String> wrong(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Integer.parseInt(value.trim()) >= 0 ? Optional.empty()
                    : Optional.of(name + ": " + value + " is less than 0");
        } catch (NumberFormatException notANumber) {
            return Optional.of(name + ": '" + value + "' is not a whole number from 0");
        }
    }
}
