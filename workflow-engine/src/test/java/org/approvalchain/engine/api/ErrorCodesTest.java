package org.approvalchain.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/errors.md is the one list of codes: every code the engine's sources and the web application
 * use is in it (by itself or in a range such as {@code LEDGER-201 … LEDGER-210}), and the API reads
 * its problem codes with their statuses.
 */
class ErrorCodesTest {

    private static final Path DOC = Path.of("..", "docs", "errors.md");
    private static final Pattern CODE = Pattern.compile("\\b([A-Z]+)-(\\d{3})\\b");
    /** Names of algorithms that look like codes. */
    private static final Set<String> NOT_CODES = Set.of("AES-256", "P-256", "SHA-256");
    private static final Pattern RANGE = Pattern.compile("`([A-Z]+)-(\\d{3})` … `\\1-(\\d{3})`");

    @Test
    void everyCodeTheEngineAndTheWebApplicationUseIsListed() throws IOException {
        String doc = Files.readString(DOC);
        Set<String> missing = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src", "main", "java"), Path.of("src", "main", "web", "src")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.(java|js|vue|json)$")).toList()) {
                    Matcher code = CODE.matcher(Files.readString(file));
                    while (code.find()) {
                        if (!NOT_CODES.contains(code.group()) && !listed(doc, code.group(1), Integer.parseInt(code.group(2)))) {
                            missing.add(code.group() + " (" + file + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing).as("codes used but not listed in docs/errors.md").isEmpty();
    }

    @Test
    void theApiReadsEachProblemCodeWithItsStatus() throws IOException {
        ErrorCatalogue catalogue = ErrorCatalogue.parse(Files.readString(DOC));
        assertThat(catalogue.entry("TASK-001").status()).isEqualTo(404);
        assertThat(catalogue.entry("DECISION-004").status()).isEqualTo(409);
        assertThat(catalogue.generic(503).meaning()).contains("chain");
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 409, 415, 500, 503}) {
            assertThat(catalogue.generic(status).status()).isEqualTo(status);
        }
    }

    private static boolean listed(String doc, String prefix, int number) {
        if (doc.contains(String.format("`%s-%03d`", prefix, number))) {
            return true;
        }
        Matcher range = RANGE.matcher(doc);
        while (range.find()) {
            if (range.group(1).equals(prefix) && Integer.parseInt(range.group(2)) <= number
                    && number <= Integer.parseInt(range.group(3))) {
                return true;
            }
        }
        return false;
    }
}
