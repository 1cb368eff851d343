package org.approvalchain.engine.record;

import java.time.Instant;
import java.util.List;

/**
 * One read of a case's personal data: who read which of its personal fields, when, and through
 * which endpoint (HTTP method and path, e.g. {@code GET /api/cases/…/personal-data}).
 */
public record PersonalDataRead(String caseId, String userId, List<String> fields, String endpoint, Instant readAt) {
}
