package org.approvalchain.engine.identity;

import java.util.List;
import java.util.Optional;

/**
 * The one directory of users and groups, shared by our API and Camunda's REST API, Tasklist and
 * Cockpit: one password per user, group memberships as the candidate groups of tasks.
 */
public interface UserDirectory {

    /** The administrators' group. */
    String ADMINS = "camunda-admin";

    /** The legal reviewers' group: they read every case, its audit trail and every automation map. */
    String LEGAL_REVIEWERS = "legal-reviewers";

    /** The group whose members may read the engine's figures: the metrics, e.g. the user Prometheus scrapes with. */
    String METRICS = "metrics";

    /** The process designers' group: they draft models in the web modeler and deploy them through the gate. */
    String DESIGNERS = "process-designers";

    /** The user's group ids when the password is right; empty otherwise. */
    Optional<List<String>> authenticate(String userId, String password);

    List<String> groupsOf(String userId);

    /** The name people know the user by (first and last name), or the user id when none is set. */
    String displayName(String userId);

    /** Whether the user is a member of {@link #ADMINS}. */
    boolean isAdmin(String userId);

    boolean exists(String userId);
}
