package org.approvalchain.engine.legal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON (RFC 8785, JCS) of a record tree: members sorted by key, no whitespace, UTF-8,
 * nulls kept. Records are written with their component names, as Jackson serialises them, so the
 * JCS form of the {@code map} member served as JSON is exactly these bytes.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static byte[] of(Record value) {
        StringBuilder out = new StringBuilder(1024);
        value(out, value);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof List<?> items) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : ",");
                value(out, items.get(i));
            }
            out.append(']');
        } else if (value instanceof Record record) {
            object(out, members(record));
        } else {
            throw new IllegalArgumentException("no canonical form for " + value.getClass());
        }
    }

    private static void object(StringBuilder out, Map<String, Object> members) {
        out.append('{');
        String separator = "";
        for (Map.Entry<String, Object> member : members.entrySet()) {
            out.append(separator);
            string(out, member.getKey());
            out.append(':');
            value(out, member.getValue());
            separator = ",";
        }
        out.append('}');
    }

    private static Map<String, Object> members(Record record) {
        Map<String, Object> members = new TreeMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                members.put(component.getName(), component.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
            }
        }
        return members;
    }

    /** JCS escaping: quote, backslash and C0 controls, nothing else. */
    private static void string(StringBuilder out, String text) {
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
}
