package org.approvalchain.engine.support;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A business-registration (企业开办) case as the web tests drive it: started by an applicant with a
 * new trade name, decided by chen.jie with his demo key, so that its licence is issued on chain.
 */
public final class BusinessRegistration {

    /** The applicant's personal data: never in a case view, a licence check or a diagram. */
    public static final String APPLICANT_NAME = "张网测";

    private BusinessRegistration() {
    }

    /** Starts a case and waits until it is with the registration officers; returns the case id. */
    public static String atTheOfficersReview(ApiClient applicant, Duration wait) {
        String caseId = started(applicant, 5);
        applicant.awaitOpenTask(caseId, "Activity_OfficerReview", wait);
        return caseId;
    }

    /**
     * Starts a case with 4 materials of the 5 the rule wants and waits until it is returned for
     * correction (补正); returns the case id.
     */
    public static String returnedForCorrection(ApiClient applicant, Duration wait) {
        String caseId = started(applicant, 4);
        applicant.awaitCase(caseId, "waiting for corrections", view -> view.get("awaiting").toString()
                .contains("corrections-submitted") ? Optional.of(view) : Optional.empty(), wait);
        return caseId;
    }

    private static String started(ApiClient applicant, int materials) {
        return applicant.startCase("business-registration", Map.of("enterpriseName", "北京网页测试科技有限公司",
                "tradeName", "网页" + UUID.randomUUID().toString().substring(0, 8), "industry", "软件和信息技术服务业",
                "materialsSubmitted", materials), Map.of("name", APPLICANT_NAME, "idNumber", "110105199001011234"));
    }

    /** Starts a case, chen.jie approves it with his signature, and waits until the licence is issued. */
    public static String approved(String baseUrl, ApiClient applicant, Duration wait) {
        String caseId = atTheOfficersReview(applicant, wait);
        ApiClient chenJie = ApiClient.demoUser(baseUrl, "chen.jie");
        String taskId = chenJie.awaitOpenTask(caseId, "Activity_OfficerReview", wait);
        chenJie.decide(taskId, "APPROVE", "材料齐全，名称可用",
                Sm2DecisionSigner.demoUser(SharedEngine.DATA_DIR, "chen.jie")::sign);
        applicant.awaitState(caseId, "COMPLETED", wait);
        return caseId;
    }
}
