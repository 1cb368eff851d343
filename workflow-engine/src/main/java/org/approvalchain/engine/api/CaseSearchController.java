package org.approvalchain.engine.api;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.approvalchain.engine.process.CaseSearch;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Searching the cases a user may read: applicants their own, officers their office's, reviewers and admins all. */
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
    @GetMapping("/api/cases")
    List<CaseSearch.CaseSummary> search(@RequestParam(required = false) String caseId,
                                        @RequestParam(required = false) String processKey,
                                        @RequestParam(required = false) CaseSearch.Standing standing,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedFrom,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedTo,
                                        Principal user) {
        return search.find(new CaseSearch.Criteria(blankToNull(caseId), blankToNull(processKey), standing, startedFrom,
                startedTo), user.getName());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
