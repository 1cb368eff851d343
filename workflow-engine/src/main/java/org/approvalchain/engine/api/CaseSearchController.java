package org.approvalchain.engine.api;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.approvalchain.engine.process.CaseSearch;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Searching the cases a user may read: applicants their own, officers their office's, reviewers and admins all. */
@Tag(name = "Cases")
@RestController
class CaseSearchController {

    private final CaseSearch search;

    CaseSearchController(CaseSearch search) {
        this.search = search;
    }

    /**
     * @param standing OPEN (still running) or ENDED
     * @param startedFrom first day the case may have started on (ISO date, Beijing time)
     * @param startedTo last such day
     */
    @Operation(summary = "Search cases",
            description = "The cases the user may read (an applicant their own, the office and the supervisors of a "
                    + "process its cases, legal reviewers and administrators all) that meet every criterion given, newest first, at most "
                    + "50: a narrower search finds older ones. Each with `awaiting`, the messages a running case waits for "
                    + "(`corrections-submitted`: its applicant's corrections; `review-requested`: a request for a human review).")
    @GetMapping("/api/cases")
    List<CaseSearch.CaseSummary> search(
            @Parameter(description = "a case id") @RequestParam(required = false) String caseId,
            @Parameter(description = "a process key, e.g. business-registration") @RequestParam(required = false) String processKey,
            @Parameter(description = "OPEN (still running) or ENDED") @RequestParam(required = false) CaseSearch.Standing standing,
            @Parameter(description = "the first day a case may have started on (ISO date, Beijing time)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedFrom,
            @Parameter(description = "the last such day") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedTo,
            Principal user) {
        return search.find(new CaseSearch.Criteria(blankToNull(caseId), blankToNull(processKey), standing, startedFrom,
                startedTo), user.getName());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
