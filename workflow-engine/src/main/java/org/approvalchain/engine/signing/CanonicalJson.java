package org.approvalchain.engine.signing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON the way RFC 8785 (JCS) does, for the value types our signed and hashed documents
 * use: strings, integers, booleans, null, lists, and objects given as maps or records (a record's
 * members are its component names, as Jackson serialises it). Members sorted by key (UTF-16 code
 * units, which is {@link String#compareTo}), no whitespace, UTF-8. Strings escape only what JCS
 * escapes. The one writer behind the decision payload and the automation map's hash.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical bytes of an object given by its members. */
    public static byte[] object(Map<String, ?> members) {
        StringBuilder out = new StringBuilder(256);
        object(out, members);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical bytes of a record tree. */
    public static byte[] of(Record value) {
        return object(members(value));
    }

    private static void object(StringBuilder out, Map<String, ?> members) {
        out.append('{');
        String separator = "";
        for (Map.Entry<String, ?> member : new TreeMap<>(members).entrySet()) {
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

    private static void value(StringBuilder out, Object value) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Record record) {
            object(out, members(record));
        } else if (value instanceof List<?> items) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : ",");
                value(out, items.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no canonical form for " + value.getClass());
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
