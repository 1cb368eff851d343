package org.approvalchain.engine.crypto;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON the way RFC 8785 (JCS) does, for the value types our signed and hashed documents
 * use: strings, integers (any size, as plain digits), fractions (as ECMAScript writes them),
 * booleans, null, enums (as their {@code toString()}), lists, and objects given as maps or records
 * (a record's members are its component names, as Jackson serialises it). Members sorted by key (UTF-16 code units, which is {@link
 * String#compareTo}), no whitespace, UTF-8. Strings escape only what JCS escapes. The one writer
 * behind everything the engine hashes: the decision payload, the automation map, and each step's
 * inputs and result.
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

    /** The canonical text of an object given by its members. */
    public static String text(Map<String, ?> members) {
        StringBuilder out = new StringBuilder(256);
        object(out, members);
        return out.toString();
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
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(number(((Number) value).doubleValue()));
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Enum<?> constant) {
            string(out, constant.toString());
        } else if (value instanceof Record record) {
            object(out, members(record));
        } else if (value instanceof Map<?, ?> map) {
            object(out, stringKeys(map));
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

    /** A fraction as ECMAScript writes it (JCS, RFC 8785 section 3.2.2.3), e.g. 0.5, 1e-7, 1e+21. */
    private static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("no canonical form for " + d);
        }
        double magnitude = Math.abs(d);
        if (d == 0) {
            return "0";
        }
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        String[] java = Double.toString(d).split("E");
        String mantissa = java[0].endsWith(".0") ? java[0].substring(0, java[0].length() - 2) : java[0];
        return mantissa + "e" + (java[1].startsWith("-") ? "" : "+") + java[1];
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> members = new TreeMap<>();
        map.forEach((key, value) -> members.put(String.valueOf(key), value));
        return members;
    }

    /** JCS / ECMAScript JSON.stringify escaping: quote, backslash and C0 controls, nothing else. */
    public static void string(StringBuilder out, String text) {
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
    public static int loneSurrogate(String text) {
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
