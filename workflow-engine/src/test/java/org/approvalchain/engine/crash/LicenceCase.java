package org.approvalchain.engine.crash;

import java.util.Map;

import org.approvalchain.engine.support.ApiClient;

/** The case the crash tests drive: the demo licence process, for an applicant the rule finds eligible. */
final class LicenceCase {

    static final String REVIEW = "Activity_ReviewApplication";
    static final String APPROVAL_REASON = "材料齐全 complete";

    private LicenceCase() {
    }

    /** Starts a case; returns its id. */
    static String start(ApiClient client) {
        return client.startCase("licence-application", Map.of("applicantAge", 30, "licenceType", "food-business"),
                Map.of("name", "张三", "idNumber", "110101199001011234"));
    }
}
