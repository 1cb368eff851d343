package org.approvalchain.engine.signing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a flat JSON object the way RFC 8785 (JCS) does, for the value types a decision payload
 * uses: strings, integers and arrays of strings. Members sorted by key (UTF-16 code units, which is
 * {@link String#compareTo}), no whitespace, UTF-8. Strings escape only what JCS escapes.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static byte[] object(Map<String, ?> members) {
        StringBuilder out = new StringBuilder(256).append('{');
        String separator = "";
        for (Map.Entry<String, ?> member : new TreeMap<>(members).entrySet()) {
            out.append(separator);
            string(out, member.getKey());
            out.append(':');
            value(out, member.getValue());
            separator = ",";
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(StringBuilder out, Object value) {
        if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof List<?> items) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : ",");
                value(out, items.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no canonical form for " + value);
        }
    }

    /** JCS / ECMAScript JSON.stringify escaping: quote, backslash and C0 controls, nothing else. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The index of the first unpaired surrogate in {@code text}, or -1: such text has no UTF-8 form. */
    static int loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
