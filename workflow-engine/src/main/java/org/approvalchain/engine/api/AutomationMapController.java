package org.approvalchain.engine.api;

import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.approvalchain.engine.legal.AnchoredMap;
import org.approvalchain.engine.legal.AutomationMapCsv;
import org.approvalchain.engine.legal.AutomationMapHtml;
import org.approvalchain.engine.legal.AutomationMaps;
import org.approvalchain.engine.process.CaseAccess;
import org.approvalchain.engine.process.CaseException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the automation map of a deployed process version as JSON (default), printable HTML or CSV,
 * with its chain anchor and whether the map as served matches it.
 */
@RestController
class AutomationMapController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final AutomationMaps maps;
    private final CaseAccess access;

    AutomationMapController(AutomationMaps maps, CaseAccess access) {
        this.maps = maps;
        this.access = access;
    }

    @GetMapping("/api/processes/{key}/versions/{version}/automation-map")
    ResponseEntity<?> automationMap(@PathVariable String key, @PathVariable int version,
                                    @RequestParam(defaultValue = "json") String format, Principal user) {
        access.requireProcessReadable(key, user.getName());
        if (!format.equals("json") && !format.equals("html") && !format.equals("csv")) {
            throw new CaseException(CaseException.Kind.INVALID, "unknown format '" + format
                    + "': allowed are json, html, csv");
        }
        AnchoredMap served = maps.served(key, version).orElseThrow(() -> new CaseException(CaseException.Kind.NOT_FOUND,
                "no process '" + key + "' version " + version + " is deployed"));
        return switch (format) {
            case "html" -> ResponseEntity.ok().contentType(HTML).body(AutomationMapHtml.render(served));
            case "csv" -> ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("automation-map-" + key + "-v" + version + ".csv", StandardCharsets.UTF_8)
                            .build().toString())
                    .body(AutomationMapCsv.render(served));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(served);
        };
    }
}
