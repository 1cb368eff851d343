package org.approvalchain.engine.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problem codes of the API as docs/errors.md lists them (the build packages the file as
 * {@code docs/errors.md}): each code with its HTTP status and meaning, read once. The OpenAPI
 * document takes each operation's error responses from here, so the document and the list agree.
 */
final class ErrorCatalogue {

    /** A code of the API: its status and what it means. */
    record Entry(String code, int status, String meaning) {
    }

    private static final String RESOURCE = "/docs/errors.md";
    /** A row of the problem codes' table: {@code | `CODE` | status | meaning | ... |}. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z]+-\\d{3})` \\| (\\d{3}) \\| ([^|]+) \\|");

    private final Map<String, Entry> entries;

    private ErrorCatalogue(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static ErrorCatalogue load() {
        try (InputStream in = ErrorCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: the build copies docs/errors.md there");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static ErrorCatalogue parse(String markdown) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Matcher row = ROW.matcher(markdown);
        while (row.find()) {
            entries.put(row.group(1), new Entry(row.group(1), Integer.parseInt(row.group(2)), row.group(3).strip()));
        }
        return new ErrorCatalogue(entries);
    }

    /** The entry of {@code code}; an operation documented with a code the list lacks fails the document. */
    Entry entry(String code) {
        Entry entry = entries.get(code);
        if (entry == null) {
            throw new IllegalArgumentException(code + " is not in docs/errors.md");
        }
        return entry;
    }

    /** The generic code of a status, {@code API-<status>}. */
    Entry generic(int status) {
        return entry("API-" + status);
    }
}
