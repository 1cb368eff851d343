package org.approvalchain.contracts;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fisco.bcos.sdk.v3.codec.datatypes.AbiTypes;
import org.fisco.bcos.sdk.v3.codec.datatypes.Address;
import org.fisco.bcos.sdk.v3.codec.datatypes.Bool;
import org.fisco.bcos.sdk.v3.codec.datatypes.BytesType;
import org.fisco.bcos.sdk.v3.codec.datatypes.DynamicBytes;
import org.fisco.bcos.sdk.v3.codec.datatypes.NumericType;
import org.fisco.bcos.sdk.v3.codec.datatypes.Type;
import org.fisco.bcos.sdk.v3.codec.datatypes.TypeReference;
import org.fisco.bcos.sdk.v3.codec.datatypes.Utf8String;

/**
 * One elementary ABI type and how plain Java values map to it and back. Conversions fail with an
 * {@link IllegalArgumentException} that says what was expected and what was given; the caller
 * adds which contract, function and parameter. Arrays and tuples are not elementary: such a type
 * is kept, so the rest of the contract stays usable, but fails when a value is converted.
 */
final class PlainAbiType {
    private static final Pattern INTEGER_TYPE = Pattern.compile("(u?)int(\\d{1,3})");
    private static final Pattern FIXED_BYTES_TYPE = Pattern.compile("bytes(\\d{1,2})");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,100}");
    private static final Pattern HEX = Pattern.compile("0[xX]((?:[0-9a-fA-F]{2})*)");
    private static final Pattern ADDRESS = Pattern.compile("0[xX][0-9a-fA-F]{40}");

    private enum Kind { STRING, BOOL, ADDRESS, UINT, INT, BYTES_N, BYTES, UNSUPPORTED }

    private final String type;
    private final Kind kind;
    private final int size;
    private final Constructor<? extends Type> constructor;

    private PlainAbiType(String type, Kind kind, int size) {
        this.type = type;
        this.kind = kind;
        this.size = size;
        this.constructor = kind == Kind.UINT || kind == Kind.INT || kind == Kind.BYTES_N ? constructorOf(type, kind) : null;
    }

    static PlainAbiType of(String type) {
        Matcher integer = INTEGER_TYPE.matcher(type);
        Matcher fixedBytes = FIXED_BYTES_TYPE.matcher(type);
        if (integer.matches() && validBits(Integer.parseInt(integer.group(2)))) {
            return new PlainAbiType(type, integer.group(1).isEmpty() ? Kind.INT : Kind.UINT, Integer.parseInt(integer.group(2)));
        }
        if (fixedBytes.matches() && Integer.parseInt(fixedBytes.group(1)) >= 1 && Integer.parseInt(fixedBytes.group(1)) <= 32) {
            return new PlainAbiType(type, Kind.BYTES_N, Integer.parseInt(fixedBytes.group(1)));
        }
        return switch (type) {
            case "string" -> new PlainAbiType(type, Kind.STRING, 0);
            case "bool" -> new PlainAbiType(type, Kind.BOOL, 0);
            case "address" -> new PlainAbiType(type, Kind.ADDRESS, 0);
            case "bytes" -> new PlainAbiType(type, Kind.BYTES, 0);
            default -> new PlainAbiType(type, Kind.UNSUPPORTED, 0);
        };
    }

    boolean supported() {
        return kind != Kind.UNSUPPORTED;
    }

    /** Whether the type has no fixed size ({@code string}, {@code bytes}): an indexed one is only hashed into its topic. */
    boolean dynamic() {
        return kind == Kind.STRING || kind == Kind.BYTES;
    }

    /** The decoder's reference to this type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeReference<Type> reference() {
        requireSupported();
        return (TypeReference) TypeReference.create(AbiTypes.getType(type));
    }

    /** The ABI value of a plain Java value, checked against this type. */
    Type<?> toAbi(Object value) {
        requireSupported();
        return switch (kind) {
            case STRING -> new Utf8String(require(value != null, value).toString());
            case BOOL -> new Bool(bool(value));
            case ADDRESS -> new Address(require(value instanceof String s && ADDRESS.matcher(s.trim()).matches(), value)
                .toString().trim());
            case UINT, INT -> instance(integer(value));
            case BYTES_N -> instance(bytes(value));
            case BYTES -> new DynamicBytes(bytes(value));
            case UNSUPPORTED -> throw new IllegalStateException(type);
        };
    }

    /** A decoded ABI value as plain Java: String, Boolean, BigInteger, or 0x-prefixed lower-case hex. */
    static Object toPlain(Type<?> value) {
        if (value instanceof NumericType || value instanceof Bool || value instanceof Utf8String) {
            return value.getValue();
        }
        if (value instanceof Address address) {
            return address.toString().toLowerCase(Locale.ROOT);
        }
        if (value instanceof BytesType bytes) {
            return "0x" + HexFormat.of().formatHex(bytes.getValue());
        }
        throw new IllegalArgumentException("unsupported ABI type " + value.getTypeAsString());
    }

    private boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value instanceof String s ? s.trim() : "";
        require(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"), value);
        return Boolean.parseBoolean(text);
    }

    private BigInteger integer(Object value) {
        BigInteger number = wholeNumber(value);
        if (kind == Kind.UINT && number.signum() < 0) {
            throw mismatch(value, " (negative)");
        }
        if (number.bitLength() > (kind == Kind.UINT ? size : size - 1)) {
            throw mismatch(value, " (out of range)");
        }
        return number;
    }

    private BigInteger wholeNumber(Object value) {
        if (value instanceof BigInteger big) {
            return big;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return integral(number, value);
        }
        String text = value instanceof String s ? s.trim() : "";
        if (DECIMAL.matcher(text).matches()) {
            return new BigInteger(text);
        }
        if (HEX.matcher(text).matches() && text.length() > 2) {
            return new BigInteger(text.substring(2), 16);
        }
        throw mismatch(value, "");
    }

    private BigInteger integral(Number number, Object value) {
        try {
            BigDecimal decimal = new BigDecimal(number.toString());
            if (decimal.precision() - decimal.scale() > 80) {
                throw mismatch(value, " (out of range)");
            }
            return decimal.toBigIntegerExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw mismatch(value, " (not a whole number)");
        }
    }

    private byte[] bytes(Object value) {
        byte[] bytes;
        if (value instanceof byte[] array) {
            bytes = array.clone();
        } else if (value instanceof String s && HEX.matcher(s.trim()).matches()) {
            bytes = HexFormat.of().parseHex(s.trim().substring(2));
        } else {
            throw mismatch(value, kind == Kind.BYTES_N ? " (byte[] or 0x hex of " + size + " bytes)" : " (byte[] or 0x hex)");
        }
        if (kind == Kind.BYTES_N && bytes.length != size) {
            throw mismatch(value, " (" + bytes.length + " bytes, not " + size + ")");
        }
        return bytes;
    }

    private Type<?> instance(Object argument) {
        try {
            return constructor.newInstance(argument);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("expected " + type + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make an ABI " + type, e);
        }
    }

    private Object require(boolean condition, Object value) {
        if (!condition) {
            throw mismatch(value, "");
        }
        return value;
    }

    private IllegalArgumentException mismatch(Object value, String why) {
        return new IllegalArgumentException("expected " + type + ", got " + describe(value) + why);
    }

    private void requireSupported() {
        if (kind == Kind.UNSUPPORTED) {
            throw new IllegalArgumentException("unsupported ABI type " + type
                + " (only string, bool, address, intN, uintN, bytesN and bytes are mapped)");
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return value instanceof byte[] b ? b.length + " bytes" : value + " (" + value.getClass().getSimpleName() + ")";
    }

    private static boolean validBits(int bits) {
        return bits >= 8 && bits <= 256 && bits % 8 == 0;
    }

    private static Constructor<? extends Type> constructorOf(String type, Kind kind) {
        try {
            return AbiTypes.getType(type).getConstructor(kind == Kind.BYTES_N ? byte[].class : BigInteger.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the SDK has no constructor for " + type, e);
        }
    }
}
