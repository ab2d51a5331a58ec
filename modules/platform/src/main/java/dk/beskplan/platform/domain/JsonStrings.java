package dk.beskplan.platform.domain;

import dk.beskplan.plandocument.JsonStringLiteral;

/**
 * JSON string literals written the one way our hashes depend on: escaped as JSON requires and nothing more, the way
 * PostgreSQL prints jsonb (control characters as lower-case {@code \u001f}). The archive's record lines hash text
 * written with it, so it must never change. The plan document's canonical text ({@code dk.beskplan.plandocument.CanonicalJson})
 * escapes with the same {@link JsonStringLiteral} but upper-case hex, as Jackson writes, which the content hashes of
 * stored revisions depend on.
 */
public final class JsonStrings {
    private JsonStrings() {
    }

    /** Appends {@code s} as a JSON string literal, quotes included. */
    public static StringBuilder appendQuoted(String s, StringBuilder out) {
        return JsonStringLiteral.appendQuoted(s, false, out);
    }
}
