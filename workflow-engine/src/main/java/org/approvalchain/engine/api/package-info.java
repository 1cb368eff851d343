/**
 * Our REST API, the web edge: controllers that read typed input, call a capability and write the
 * result, their request and response records, errors as RFC 9457 problem details with stable
 * codes, the HTTP security of {@code /api} (HTTP Basic for programs, a form login with a session and
 * CSRF token for the web application) and the web application's page routes. The only module that
 * uses spring-web.
 */
package org.approvalchain.engine.api;
