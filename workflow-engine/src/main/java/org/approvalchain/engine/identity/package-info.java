/**
 * Who is who: the users and groups of the one {@link org.approvalchain.engine.identity.UserDirectory}
 * (Camunda's identity service, in the {@code camunda} adapter), Spring Security's authentication
 * against it, Camunda's REST API put behind the same passwords, and the production profile's
 * refusal to start while any user keeps a default password.
 */
package org.approvalchain.engine.identity;
