package dk.beskplan.archive.application;

import io.micronaut.json.tree.JsonNode;
import org.jsoup.Jsoup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which frozen documents a message carries: the submitted revision (plan-submitted v2), the
 * approved version (plan-approved), the PDF drafting rendered once of either (plan-document-frozen), the meeting
 * protocol and the status report. Plan documents are JSON (docs/plan-document.md); protocols and reports are the HTML
 * their module rendered; the PDFs are bytes.
 */
final class FrozenDocuments {

    /** The kinds of frozen document, with how the pages name them. */
    enum Kind {
        SUBMITTED_REVISION("Indsendt revision", false),
        APPROVED_VERSION("Godkendt version", true),
        MEETING_PROTOCOL("Beslutningsprotokol", true),
        SUBMITTED_REVISION_PDF("Indsendt revision som PDF", false),
        APPROVED_VERSION_PDF("Godkendt version som PDF", true),
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
    static final String PDF = "application/pdf";

    /** The message whose PDF is a document of its own, and the payload field that holds it (base64). */
    static final String FROZEN_PDF = "drafting.plan-document-frozen";
    static final String PDF_FIELD = "pdf";


    /**
     * A document found in a message. For JSON, {@code field} names the payload field that holds it: its text is
     * taken as PostgreSQL prints the stored jsonb, so that it is the same text wherever it is read back. For a PDF,
     * {@code field} holds its bytes in base64; they are kept as bytes, and the record keeps the payload without them.
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
            case FROZEN_PDF -> {
                if (text(p, PDF_FIELD) != null) {
                    boolean approved = "APPROVED".equals(text(p, "kind"));
                    found.add(new Found(approved ? Kind.APPROVED_VERSION_PDF : Kind.SUBMITTED_REVISION_PDF, text(p, "title")
                            + (approved ? ", godkendt version (revision " + number(p, "revisionNumber") + "), PDF"
                            : ", revision " + number(p, "revisionNumber") + " (indsendt), PDF"), PDF, PDF_FIELD, null,
                            text(p, "sha256")));
                }
            }
            case "approval.meeting-protocol-published" -> {
                String html = text(p, "protocolHtml");
                if (html != null) {
                    found.add(new Found(Kind.MEETING_PROTOCOL, "Beslutningsprotokol, " + text(p, "decidingBody") + ", "
                            + ArchiveWording.danishDate(text(p, "meetingDate")), HTML, null, html, text(p, "contentHash")));
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

    /**
     * What the record keeps of a message's payload: all of it, but a frozen PDF's bytes, which are the record's
     * document (its hash is in the record's line).
     */
    static JsonNode recorded(String type, JsonNode p) {
        if (!FROZEN_PDF.equals(type) || p == null || !p.isObject() || p.get(PDF_FIELD) == null) {
            return p;
        }
        Map<String, JsonNode> kept = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : p.entries()) {
            if (!PDF_FIELD.equals(e.getKey())) {
                kept.put(e.getKey(), e.getValue());
            }
        }
        return JsonNode.createObjectNode(kept);
    }

    /**
     * The words of a document, for search: every string of a plan document, the text of an HTML document; none of a
     * PDF (its words are those of the plan document archived beside it).
     */
    static String plainText(String mediaType, JsonNode json, String html) {
        if (PDF.equals(mediaType)) {
            return "";
        }
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
