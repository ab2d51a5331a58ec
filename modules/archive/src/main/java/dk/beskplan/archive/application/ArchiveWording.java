package dk.beskplan.archive.application;

import dk.beskplan.platform.text.DanishFormats;
import dk.beskplan.platform.security.Roles;
import io.micronaut.json.tree.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The archive in Danish words: each recorded event as the timeline shows it ("Godkendt af Beskæftigelsesudvalget"),
 * document kinds, roles and dates. Apart from {@link Archive} because it is a long table of message types and their
 * wording, not a query, and the other readers of the records (the plan as of a date, the frozen documents) use it too.
 */
final class ArchiveWording {

    private ArchiveWording() {
    }

    /** A frozen document's kind in Danish, or the kind itself when unknown. */
    static String kindName(String kind) {
        try {
            return FrozenDocuments.Kind.valueOf(kind).danish;
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    static String describe(String type, JsonNode p) {
        String body = text(p, "decidingBody", "udvalget");
        return switch (type) {
            case "drafting.plan-draft-created" -> "Udkast oprettet";
            case "drafting.plan-submitted" -> "Indsendt til godkendelse";
            case "drafting.plan-withdrawn" -> "Trukket tilbage af forvaltningen";
            case "drafting.plan-approved" -> "Godkendt udgave i kraft";
            case "drafting.plan-document-frozen" -> ("APPROVED".equals(text(p, "kind", "")) ? "Den godkendte udgave" : "Den indsendte revision")
                    + " dannet som PDF, én gang for alle";
            case "approval.plan-placed-on-agenda" -> "Sat på dagsordenen: " + body + ", mødet " + danishDate(text(p, "meetingDate", ""))
                    + (p != null && p.get("late") != null && p.get("late").getBooleanValue() ? " (for sent indkommet)" : "");
            case "approval.plan-decision-recorded" -> decision(p, body);
            case "approval.decision-corrected" -> "Beslutning rettet: " + text(p, "reason", "");
            case "approval.hearing-answer-recorded" -> "Høringssvar fra " + text(p, "body", "høringsparten");
            case "approval.meeting-protocol-published" -> "Beslutningsprotokol offentliggjort: " + body;
            case "approval.status-report-noted" -> "Status taget til efterretning af " + body;
            case "followup.follow-up-opened" -> "Opfølgning åbnet";
            case "followup.status-report-submitted" -> "Status sendt til udvalget: " + text(p, "roundLabel", "");
            case "followup.round-not-followed-up" -> "Runde ikke fulgt op: " + text(p, "roundLabel", "") + " – " + text(p, "reason", "");
            case "followup.follow-up-closed" -> text(p, "reason", null) == null ? "Opfølgning afsluttet"
                    : "Opfølgning afsluttet: " + text(p, "reason", "");
            case "administration.system-administrator-created" -> "Systemadministrator oprettet: " + text(p, "displayName", "")
                    + " (" + text(p, "username", "") + ")";
            case "administration.municipality-activated" -> "Kommune aktiveret: " + text(p, "name", "") + ", lokal administrator "
                    + text(p, "localAdminName", "") + " <" + text(p, "localAdminEmail", "") + ">";
            case "administration.municipality-deactivated" -> "Kommune deaktiveret: " + text(p, "name", "");
            case "administration.municipality-settings-changed" -> "Kommunens indstillinger ændret: " + changedFields(p);
            case "administration.user-invited" -> "Bruger inviteret: " + text(p, "displayName", "") + " (" + text(p, "username", "")
                    + "), roller " + roles(p, "roles");
            case "administration.user-created-by-single-sign-on" -> "Bruger oprettet ved første login via kommunens login: "
                    + text(p, "displayName", "") + " (" + text(p, "username", "") + "), roller " + roles(p, "roles");
            case "administration.user-roles-changed" -> "Roller ændret for " + text(p, "username", "") + ": " + roles(p, "rolesBefore")
                    + " → " + roles(p, "rolesAfter");
            case "administration.user-deactivated" -> "Bruger deaktiveret: " + text(p, "displayName", "") + " (" + text(p, "username", "") + ")";
            case "administration.user-reactivated" -> "Bruger genaktiveret: " + text(p, "displayName", "") + " (" + text(p, "username", "") + ")";
            case "administration.user-sessions-ended" -> "Sessioner afsluttet af en administrator: " + text(p, "displayName", "") + " (" + text(p, "username", "") + ")";
            case "administration.user-profile-changed" -> "Profil ændret for " + text(p, "username", "") + ": " + changedFields(p);
            case "administration.password-reset-requested" -> "Nulstilling af adgangskode bestilt for " + text(p, "username", "");
            case "administration.password-link-used" -> ("INVITATION".equals(text(p, "purpose", "")) ? "Første adgangskode valgt fra invitation af "
                    : "Ny adgangskode valgt fra nulstillingslink af ") + text(p, "username", "");
            case "administration.password-link-renewed" -> "Nyt link sendt til " + text(p, "username", "");
            case "administration.password-changed" -> "Adgangskode skiftet af " + text(p, "username", "");
            default -> type;
        };
    }

    /** The names of the fields an administrative change lists ("displayName, contactEmail"). */
    static String changedFields(JsonNode p) {
        JsonNode changes = p == null ? null : p.get("changes");
        if (changes == null || !changes.isArray()) {
            return "";
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            fields.add(text(changes.get(i), "field", "?"));
        }
        return String.join(", ", fields);
    }

    /** A list of roles in the payload, in Danish. */
    static String roles(JsonNode p, String field) {
        JsonNode values = p == null ? null : p.get(field);
        if (values == null || !values.isArray()) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            items.add(values.get(i).isString() ? values.get(i).getStringValue() : values.get(i).toString());
        }
        return Roles.danish(items);
    }

    static String decision(JsonNode p, String body) {
        boolean recommends = p != null && p.get("finalDecision") != null && !p.get("finalDecision").getBooleanValue();
        return switch (text(p, "decision", "")) {
            case "APPROVED" -> recommends ? "Indstillet til godkendelse af " + body : "Godkendt af " + body;
            case "APPROVED_WITH_AMENDMENTS" -> recommends ? "Indstillet til godkendelse med ændringer af " + body
                    : "Godkendt med ændringer af " + body;
            case "RETURNED" -> "Sendt tilbage til forvaltningen af " + body;
            case "REJECTED" -> "Forkastet af " + body;
            case "POSTPONED" -> "Udsat af " + body;
            default -> "Beslutning truffet af " + body;
        };
    }

    static String text(JsonNode p, String name, String otherwise) {
        JsonNode value = p == null ? null : p.get(name);
        return value == null || !value.isString() ? otherwise : value.getStringValue();
    }

    static String number(JsonNode p, String name) {
        JsonNode value = p == null ? null : p.get(name);
        return value == null || !value.isNumber() ? "?" : String.valueOf(value.getIntValue());
    }

    static String danishDate(String isoDate) {
        try {
            return DanishFormats.date(LocalDate.parse(isoDate));
        } catch (DateTimeParseException | NullPointerException e) {
            return isoDate;
        }
    }
}
