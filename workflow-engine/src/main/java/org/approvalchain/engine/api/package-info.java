/**
 * Our REST API, the web edge: controllers that read typed input, call a capability and write the
 * result, their request and response records, errors as RFC 9457 problem details, and the HTTP
 * security of {@code /api}. The only module that uses spring-web.
 */
package org.approvalchain.engine.api;
