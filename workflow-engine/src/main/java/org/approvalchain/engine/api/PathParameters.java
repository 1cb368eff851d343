package org.approvalchain.engine.api;

/** The OpenAPI descriptions of the path parameters several operations share. */
final class PathParameters {

    static final String CASE_ID = "the case id (the business key of its process instance), as the start answered it";
    static final String TASK_ID = "an open task's id, as GET /api/tasks lists it";
    static final String PROCESS_KEY = "a deployed process's key, e.g. licence-application";
    static final String ENROLMENT_ID = "the key enrolment's id";
    static final String FINGERPRINT = "the key's fingerprint, as the list of keys shows it";
    static final String USER_ID = "a user of the identity service";

    private PathParameters() {
    }
}
