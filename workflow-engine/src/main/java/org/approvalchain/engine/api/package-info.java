/**
 * Our REST API: controllers with their request and response records, errors as RFC 9457 problem
 * details, and HTTP security. The only package that imports spring-web.
 */
package org.approvalchain.engine.api;
