package dk.beskplan.plandocument;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The written form of a document tree (maps in their order, lists, texts, numbers, booleans, null) as compact JSON.
 * Written here rather than by a JSON library so that the text, and with it every content hash, cannot change when a
 * library is upgraded. It writes what Jackson writes for the same tree (a test holds the two together): control
 * characters escaped ({@link JsonStringLiteral}, upper-case hex), other characters as they are, integers as integers
 * and decimals as Java prints a double (the writer hands over whole numbers as integers, so a plan's 60 stays "60").
 * Platform's {@code JsonStrings} escapes the same way but with lower-case hex, as PostgreSQL prints jsonb, for the
 * archive's hashes.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    static String write(Object tree) {
        StringBuilder out = new StringBuilder(16_384);
        value(tree, out);
        return out.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void value(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double number) {
            out.append(Double.toString(number));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(entry.getKey()), out);
                out.append(':');
                value(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a document value: " + value.getClass().getName());
        }
    }

    private static void string(String text, StringBuilder out) {
        JsonStringLiteral.appendQuoted(text, true, out);
    }
}
