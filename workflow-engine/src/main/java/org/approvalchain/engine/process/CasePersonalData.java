package org.approvalchain.engine.process;

import java.util.Map;

/**
 * A case's personal data, for those who handle it: the applicant's data as given at the start
 * ({@code applicant}) and the application fields its process declares personal. Every read is
 * recorded (see {@link PersonalData}).
 */
public record CasePersonalData(String caseId, Map<String, Object> applicant, Map<String, Object> fields) {
}
