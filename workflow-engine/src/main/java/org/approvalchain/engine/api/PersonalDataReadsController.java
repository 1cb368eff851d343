package org.approvalchain.engine.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.approvalchain.engine.record.PersonalDataReads;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For administrators: who read which case's personal data, when, and through which endpoint. */
@RestController
class PersonalDataReadsController {

    private final PersonalDataReads reads;

    PersonalDataReadsController(PersonalDataReads reads) {
        this.reads = reads;
    }

    /**
     * The reads of personal data, newest first, one page at a time.
     *
     * @param caseId only the reads of this case
     * @param userId only the reads by this user
     * @param page zero-based page number
     * @param size reads per page (1 to 500)
     */
    @GetMapping("/api/admin/personal-data-reads")
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    PersonalDataReads.Page list(@RequestParam(required = false) String caseId, @RequestParam(required = false) String userId,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return reads.find(caseId, userId, page, size);
    }
}
