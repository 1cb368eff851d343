package org.approvalchain.engine.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.approvalchain.engine.record.PersonalDataReads;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For administrators: who read which case's personal data, when, and through which endpoint. */
@Tag(name = "Administration")
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
    @Operation(summary = "List personal data reads",
            parameters = {@Parameter(name = "caseId", description = "only the reads of this case"),
                    @Parameter(name = "userId", description = "only the reads by this user"),
                    @Parameter(name = "page", description = "zero-based page number"),
                    @Parameter(name = "size", description = "reads per page (1 to 500)")},
            description = "Administrators: who read which case's personal data, which fields, when, through which "
                    + "endpoint (ours or Camunda's); newest first, paged.")
    @GetMapping("/api/admin/personal-data-reads")
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    PersonalDataReads.Page list(@RequestParam(required = false) String caseId, @RequestParam(required = false) String userId,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return reads.find(caseId, userId, page, size);
    }
}
