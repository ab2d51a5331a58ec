package dk.beskplan.archive.application;

import io.micronaut.json.tree.JsonNode;
import org.jsoup.Jsoup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which frozen documents a message carries: the submitted revision (plan-submitted v2), the
 * approved version (plan-approved), the meeting protocol and the status report. Plan documents
 * are JSON (docs/plan-document.md); protocols and reports are the HTML their module rendered.
 */
final class FrozenDocuments {

    /** The kinds of frozen document, with how the pages name them. */
    enum Kind {
        SUBMITTED_REVISION("Indsendt revision", false),
        APPROVED_VERSION("Godkendt version", true),
        MEETING_PROTOCOL("Beslutningsprotokol", true),
        STATUS_REPORT("Statusrapport", true);

        final String danish;
        /** Readers (politicians, the public) see published documents only. */
        final boolean published;

        Kind(String danish, boolean published) {
            this.danish = danish;
            this.published = published;
        }

        static List<String> publishedNames() {
            return java.util.Arrays.stream(values()).filter(k -> k.published).map(Enum::name).toList();
        }
    }

    static final String JSON = "application/json";
    static final String HTML = "text/html";

    /**
     * A document found in a message. For JSON, {@code field} names the payload field that holds it: its text is
     * taken as PostgreSQL prints the stored jsonb, so that it is the same text wherever it is read back.
     */
    record Found(Kind kind, String title, String mediaType, String field, String html, String declaredHash) {
    }

    private FrozenDocuments() {
    }

    static List<Found> in(String type, JsonNode p) {
        if (p == null || !p.isObject()) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        switch (type) {
            case "drafting.plan-submitted" -> {
                if (isObject(p, "document")) {
                    found.add(new Found(Kind.SUBMITTED_REVISION, text(p, "title") + ", revision " + number(p, "revisionNumber")
                            + " (indsendt)", JSON, "document", null, text(p, "contentHash")));
                }
            }
            case "drafting.plan-approved" -> {
                if (isObject(p, "document")) {
                    found.add(new Found(Kind.APPROVED_VERSION, text(p, "title") + ", godkendt version (revision "
                            + number(p, "approvedRevision") + ")", JSON, "document", null, text(p, "contentHash")));
                }
            }
            case "approval.meeting-protocol-published" -> {
                String html = text(p, "protocolHtml");
                if (html != null) {
                    found.add(new Found(Kind.MEETING_PROTOCOL, "Beslutningsprotokol, " + text(p, "decidingBody") + ", "
                            + Archive.danishDate(text(p, "meetingDate")), HTML, null, html, text(p, "contentHash")));
                }
            }
            case "followup.status-report-submitted" -> {
                String html = text(p, "reportHtml");
                if (html != null) {
                    found.add(new Found(Kind.STATUS_REPORT, text(p, "planTitle") + ": " + text(p, "roundLabel"), HTML, null,
                            html, null));
                }
            }
            default -> {
                // no document
            }
        }
        return found;
    }

    /** Further plans a record is about, besides the envelope's: a protocol names every plan on the agenda. */
    static List<UUID> linkedPlans(String type, JsonNode p) {
        if (!"approval.meeting-protocol-published".equals(type) || p == null || p.get("planIds") == null) {
            return List.of();
        }
        List<UUID> plans = new ArrayList<>();
        for (JsonNode id : p.get("planIds").values()) {
            if (id.isString()) {
                plans.add(UUID.fromString(id.getStringValue()));
            }
        }
        return plans;
    }

    /** The words of a document, for search: every string of a plan document, the text of an HTML document. */
    static String plainText(String mediaType, JsonNode json, String html) {
        if (HTML.equals(mediaType)) {
            return Jsoup.parse(html).text();
        }
        StringBuilder out = new StringBuilder();
        collectStrings(json, out);
        return out.toString();
    }

    /** Fields of a plan document that hold codes, not words (block types, target kinds, enums). */
    private static final java.util.Set<String> CODES = java.util.Set.of("type", "kind", "comparator", "relation", "betterWhen",
            "direction", "comparedTo", "scope", "placement", "unit", "nationalGoal", "municipality", "deadline", "date",
            "baselineDate", "targetDate");

    private static void collectStrings(JsonNode node, StringBuilder out) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            out.append(node.getStringValue()).append('\n');
        } else if (node.isArray()) {
            node.values().forEach(v -> collectStrings(v, out));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                if (!CODES.contains(e.getKey())) {
                    collectStrings(e.getValue(), out);
                }
            }
        }
    }

    private static boolean isObject(JsonNode p, String field) {
        return p.get(field) != null && p.get(field).isObject();
    }

    static String text(JsonNode p, String field) {
        JsonNode v = p == null ? null : p.get(field);
        return v == null || !v.isString() ? null : v.getStringValue();
    }

    private static String number(JsonNode p, String field) {
        JsonNode v = p.get(field);
        return v == null || !v.isNumber() ? "?" : String.valueOf(v.getIntValue());
    }
}
