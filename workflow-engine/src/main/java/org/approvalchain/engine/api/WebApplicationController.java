package org.approvalchain.engine.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web application's history routes: a page opened or reloaded at one of them gets the
 * application's {@code index.html} (from {@code static/}, built by Vite into the jar), whose router
 * shows the page. {@code /} is Spring Boot's welcome page, the same file. Keep the list in step with
 * the routes in {@code src/main/web/src/router.js}.
 */
@Controller
class WebApplicationController {

    @GetMapping({"/login", "/inbox", "/done", "/cases", "/cases/{caseId}", "/apply/{processKey}", "/keys", "/tasks/{taskId}/decide",
            "/admin/enrolments", "/admin/approvers", "/admin/operations", "/design", "/verify-licence",
            "/verify-licence/{number}", "/verify-invoice", "/verify-bid", "/authorisations", "/processes", "/processes/{key}/versions/{version}/map",
            "/processes/{key}/compare/{from}/{to}", "/chain", "/chain/blocks/{number}",
            "/chain/transactions/{hash}"})
    String page() {
        return "forward:/index.html";
    }
}
