package org.approvalchain.engine.api;

import java.nio.charset.StandardCharsets;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Processes")
@RestController
class AutomationMapController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    /** The path's word for the latest deployed version. */
    static final String LATEST = "latest";

    private final AutomationMaps maps;
    private final CaseAccess access;

    AutomationMapController(AutomationMaps maps, CaseAccess access) {
        this.maps = maps;
        this.access = access;
    }

    /** @param version a deployed version's number, or {@code latest} */
    @Operation(summary = "Read a version's automation map",
            description = "Which steps of a deployed process version are automatic, assisted or manual, on what "
                    + "legal basis, with what discretion; its anchor in DefinitionRegistry and whether it matches. "
                    + "`format` json (default), html (printable A4) or csv (UTF-8 with BOM); `latest` for the "
                    + "latest version.",
            parameters = {@Parameter(name = "version", description = "a deployed version's number, or latest", example = "latest"),
                    @Parameter(name = "format", description = "json (default), html or csv")})
    @Refusals({"API-403", "API-404"})
    @GetMapping("/api/processes/{key}/versions/{version}/automation-map")
    ResponseEntity<?> automationMap(@PathVariable String key, @PathVariable String version,
                                    @RequestParam(defaultValue = "json") String format, Principal user) {
        access.requireProcessReadable(key, user.getName());
        if (!format.equals("json") && !format.equals("html") && !format.equals("csv")) {
            throw new CaseException(CaseException.Kind.INVALID, "unknown format '" + format
                    + "': allowed are json, html, csv");
        }
        int number = versionNumber(key, version);
        AnchoredMap served = maps.served(key, number).orElseThrow(() -> new CaseException(CaseException.Kind.NOT_FOUND,
                "no process '" + key + "' version " + version + " is deployed"));
        return switch (format) {
            case "html" -> ResponseEntity.ok().contentType(HTML).body(AutomationMapHtml.render(served));
            case "csv" -> ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("automation-map-" + key + "-v" + number + ".csv", StandardCharsets.UTF_8)
                            .build().toString())
                    .body(AutomationMapCsv.render(served));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(served);
        };
    }

    /** {@code latest} as the latest deployed version's number; otherwise the number given. */
    private int versionNumber(String key, String version) {
        if (LATEST.equals(version)) {
            return maps.latestVersion(key).orElseThrow(() -> new CaseException(CaseException.Kind.NOT_FOUND,
                    "no process '" + key + "' is deployed"));
        }
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new CaseException(CaseException.Kind.INVALID, "version '" + version
                    + "' is neither a version number nor latest");
        }
    }
}
