package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.approvalchain.engine.support.SharedEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A body over the limit (2 MB) is refused before it is read or anyone is authenticated: 413 as
 * problem details when its length is declared, and cut off at the limit (a 4xx) when it is sent
 * chunked; a body within the limit goes through as before.
 */
@SharedEngine
class RequestSizeLimitIT {

    private static final byte[] THREE_MB = json(3 * 1024 * 1024);

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedWith413BeforeAuthentication() throws Exception {
        HttpResponse<String> anonymous = post("/api/processes/business-registration/cases", null,
                HttpRequest.BodyPublishers.ofByteArray(THREE_MB));
        assertThat(anonymous.statusCode()).isEqualTo(413);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.body()).contains("\"code\":\"API-413\"", "at most 2097152");

        HttpResponse<String> signedIn = post("/api/processes/business-registration/cases", "wang.fang",
                HttpRequest.BodyPublishers.ofByteArray(THREE_MB));
        assertThat(signedIn.statusCode()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWithAClientError() throws Exception {
        HttpResponse<String> chunked = post("/api/processes/business-registration/cases", "wang.fang",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(THREE_MB)));
        assertThat(chunked.statusCode()).isBetween(400, 499);
        assertThat(chunked.body()).doesNotContain("Exception");
    }

    @Test
    void aBodyWithinTheLimitIsReadAsBefore() throws Exception {
        HttpResponse<String> small = post("/api/processes/business-registration/cases", "wang.fang",
                HttpRequest.BodyPublishers.ofString("{\"application\": {\"unknownField\": 1}}"));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(400);
        assertThat(small.body()).contains("unknownField");
    }

    private HttpResponse<String> post(String path, String user, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(body);
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON document of about {@code size} bytes: an application with one long field. */
    private static byte[] json(int size) {
        char[] filler = new char[size];
        Arrays.fill(filler, 'x');
        return ("{\"application\": {\"enterpriseName\": \"" + new String(filler) + "\"}}").getBytes(StandardCharsets.UTF_8);
    }
}
