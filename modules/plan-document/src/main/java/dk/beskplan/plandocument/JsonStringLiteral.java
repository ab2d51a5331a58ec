package dk.beskplan.plandocument;

/**
 * A JSON string literal escaped as JSON requires and nothing more: quote, backslash and the control characters, every
 * other character as it is. The one thing the two writers of hashed JSON differ in is the case of the hex digits of a
 * control character: the plan document's {@link CanonicalJson} writes what Jackson writes ({@code \u001F}), platform's
 * {@code JsonStrings} what PostgreSQL prints for jsonb ({@code \u001f}). Stored hashes depend on both, so neither may
 * change. Public so that platform (which may depend on this module, never the other way round) writes with it too.
 */
public final class JsonStringLiteral {
    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER = "0123456789abcdef".toCharArray();

    private JsonStringLiteral() {
    }

    /** Appends {@code text} as a JSON string literal, quotes included, hex digits upper- or lower-case. */
    public static StringBuilder appendQuoted(String text, boolean upperCaseHex, StringBuilder out) {
        char[] hex = upperCaseHex ? UPPER : LOWER;
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(hex[c >> 4]).append(hex[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
