package dk.beskplan.approval.domain;

import dk.beskplan.platform.domain.JsonStrings;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The approved version's content hash: SHA-256 (hex) of the document written as canonical JSON — keys sorted, no
 * whitespace, integers as integers, other numbers in plain notation without trailing zeros, non-ASCII kept as UTF-8 —
 * so that the same text always gives the same hash, whatever order its keys arrived in.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static String hash(Object document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(document).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof java.math.BigInteger) {
            out.append(value);
        } else if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
            out.append(d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString());
        } else {
            string(value.toString(), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        JsonStrings.appendQuoted(s, out);
    }
}
