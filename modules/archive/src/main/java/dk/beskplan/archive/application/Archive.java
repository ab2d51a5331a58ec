package dk.beskplan.archive.application;

import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the archive: the plans it holds, a plan's timeline, the plan as it stood on a date, the frozen documents,
 * and full-text search. A user sees their own municipality only; readers see published documents only
 * (approved versions, meeting protocols, status reports) and no timelines.
 */
@Singleton
public class Archive {
    public static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    static final Locale DANISH = Locale.forLanguageTag("da-DK");

    /** A frozen document as the timeline links to it. */
    @Serdeable
    public record DocumentRef(long id, String kind, String kindName, String title, String mediaType, String sha256) {
    }

    /**
     * One event in a plan's history: {@code businessDate} is the day it happened (a meeting's date, the day figures were
     * measured on), {@code occurredAt} the time it was recorded.
     */
    @Serdeable
    public record TimelineEntry(long seq, UUID messageId, String type, String what, LocalDate businessDate, Instant occurredAt,
                                String actor, @Nullable UUID causationId, String recordHash, List<DocumentRef> documents) {
    }

    /** A plan the archive holds. */
    @Serdeable
    public record PlanSummary(UUID planId, String municipality, @Nullable String title, @Nullable Integer fromYear,
                              @Nullable Integer toYear, boolean published, long records, Instant lastEventAt,
                              @Nullable Long approvedDocumentId) {
    }

    /** A frozen document with its content. */
    @Serdeable
    public record ArchivedDocument(long id, long recordSeq, @Nullable UUID planId, String municipality, String kind,
                                   String kindName, String title, String mediaType, String content, String sha256,
                                   @Nullable String declaredHash, Instant occurredAt, String actor) {
    }

    /** A search hit: the document, its plan, and the matching passages (highlighted parts marked). */
    @Serdeable
    public record Hit(long documentId, String kind, String kindName, String title, @Nullable UUID planId,
                      String municipality, Instant occurredAt, List<Snippet> snippet) {
    }

    /** A piece of a passage; {@code match} when it is a searched word. */
    @Serdeable
    public record Snippet(String text, boolean match) {
    }

    private final Sql sql;
    private final JsonMapper json;

    Archive(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    // ---- plans -------------------------------------------------------------------------------------------

    @Transactional
    public List<PlanSummary> plans(CurrentUser user) {
        String scope = user.municipality() == null ? "" : " and municipality = ?";
        Object[] params = user.municipality() == null ? new Object[0] : new Object[]{user.municipality()};
        List<PlanSummary> plans = sql.query("select plan_id, min(municipality) as municipality, count(*) as records,"
                + " max(occurred_at) as last_at,"
                + " (array_agg(payload->>'title' order by seq desc) filter (where payload->>'title' is not null))[1] as title,"
                + " (array_agg(payload->>'fromYear' order by seq desc) filter (where payload->>'fromYear' is not null))[1] as from_year,"
                + " (array_agg(payload->>'toYear' order by seq desc) filter (where payload->>'toYear' is not null))[1] as to_year,"
                + " bool_or(" + PUTS_IN_FORCE + ") as published,"
                // The version in force, for readers to open from the list.
                + " (select max(d.id) from archive.document d join archive.record a on a.seq = d.record_seq"
                + "   where a.plan_id = record.plan_id and d.kind = 'APPROVED_VERSION') as approved_document"
                + " from archive.record where plan_id is not null" + scope
                + " group by plan_id order by from_year desc nulls last, title", rs -> new PlanSummary(
                rs.getObject("plan_id", UUID.class), rs.getString("municipality"), rs.getString("title"),
                integer(rs.getString("from_year")), integer(rs.getString("to_year")), rs.getBoolean("published"),
                rs.getLong("records"), Sql.instant(rs, "last_at"), (Long) rs.getObject("approved_document")), params);
        return user.hasRole(Roles.READER) ? plans.stream().filter(PlanSummary::published).toList() : plans;
    }

    /** A record that puts the plan in force: the approved version, or (before drafting sent it) a final approval. */
    static final String PUTS_IN_FORCE = "(type = '" + "drafting.plan-approved" + "' or (type = '" + "approval.plan-decision-recorded" + "'"
            + " and payload->>'decision' in ('APPROVED', 'APPROVED_WITH_AMENDMENTS')"
            + " and coalesce((payload->>'finalDecision')::boolean, true)))";

    /** The plan's municipality, checked against the user; 404 when the archive has no such plan for them. */
    @Transactional
    public String checkAccess(UUID planId, CurrentUser user) {
        String municipality = sql.queryOne("select municipality from archive.record where plan_id = ? order by seq limit 1",
                rs -> rs.getString(1), planId).orElseThrow(() -> new NotFound("Planen findes ikke i arkivet"));
        if (!user.canSee(municipality)) {
            throw new NotFound("Planen findes ikke i arkivet");
        }
        if (user.hasRole(Roles.READER) && !published(planId)) {
            throw new NotFound("Planen findes ikke i arkivet");
        }
        return municipality;
    }

    boolean published(UUID planId) {
        return sql.queryOne("select 1 from archive.record where plan_id = ? and " + PUTS_IN_FORCE + " limit 1",
                rs -> 1, planId).isPresent();
    }

    // ---- timeline ----------------------------------------------------------------------------------------

    @Transactional
    public List<TimelineEntry> timeline(UUID planId, CurrentUser user) {
        checkAccess(planId, user);
        return entries(planId, null);
    }

    /**
     * The business date of a record, as SQL on {@code r}: the day the message says it happened (a decision's or
     * noting's meeting date, the approval date, the day a status report's figures were measured on, ...), or the day it
     * was recorded (Danish time) when the message names none, as older versions of the messages do not.
     */
    static final String BUSINESS_DATE = "coalesce((select d::date from (select case r.type"
            + businessDateFields().entrySet().stream().map(e -> " when '" + e.getKey() + "' then r.payload->>'" + e.getValue() + "'")
            .collect(java.util.stream.Collectors.joining())
            + " end as d) named where d ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), (r.occurred_at at time zone 'Europe/Copenhagen')::date)";

    /** Which field of each message holds the day it happened. */
    static Map<String, String> businessDateFields() {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("drafting.plan-draft-created", "createdOn");
        fields.put("drafting.plan-submitted", "submittedOn");
        fields.put("drafting.plan-approved", "approvedOn");
        fields.put("approval.plan-placed-on-agenda", "placedOn");
        fields.put("approval.plan-decision-recorded", "meetingDate");
        fields.put("approval.meeting-protocol-published", "meetingDate");
        fields.put("approval.status-report-noted", "meetingDate");
        fields.put("approval.hearing-answer-recorded", "answeredOn");
        fields.put("followup.status-report-submitted", "measuredOn");
        fields.put("followup.round-not-followed-up", "closedOn");
        fields.put("followup.follow-up-closed", "closedOn");
        return fields;
    }

    /**
     * The plan's records, and those linked to it (protocols), by the day they happened (then in the order recorded);
     * up to and including the day {@code until} when given.
     */
    List<TimelineEntry> entries(UUID planId, @Nullable LocalDate until) {
        String upTo = until == null ? "" : " and " + BUSINESS_DATE + " <= ?";
        Object[] params = until == null ? new Object[]{planId, planId} : new Object[]{planId, until, planId, until};
        List<Row> rows = sql.query("select * from (select " + COLUMNS + " from archive.record r where r.plan_id = ?" + upTo
                + " union all select " + COLUMNS + " from archive.record_plan l join archive.record r on r.seq = l.record_seq"
                + " where l.plan_id = ?" + upTo + ") t order by business_date, seq", Archive::row, params);
        Map<Long, List<DocumentRef>> documents = documentsOf(rows.stream().mapToLong(Row::seq).toArray());
        return rows.stream().map(r -> new TimelineEntry(r.seq, r.messageId, r.type, describe(r.type, r.payload), r.businessDate,
                r.occurredAt, r.actor, r.causationId, r.recordHash, documents.getOrDefault(r.seq, List.of()))).toList();
    }

    private static final String COLUMNS = "r.seq, r.message_id, r.type, " + BUSINESS_DATE + " as business_date, r.occurred_at, r.actor,"
            + " r.causation_id, r.record_hash, r.payload::text as payload";

    private record Row(long seq, UUID messageId, String type, LocalDate businessDate, Instant occurredAt, String actor,
                       UUID causationId, String recordHash, String payload) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("seq"), rs.getObject("message_id", UUID.class), rs.getString("type"),
                rs.getObject("business_date", LocalDate.class), Sql.instant(rs, "occurred_at"), rs.getString("actor"), rs.getObject("causation_id", UUID.class),
                rs.getString("record_hash"), rs.getString("payload"));
    }

    Map<Long, List<DocumentRef>> documentsOf(long[] seqs) {
        Map<Long, List<DocumentRef>> bySeq = new HashMap<>();
        if (seqs.length == 0) {
            return bySeq;
        }
        sql.query("select id, record_seq, kind, title, media_type, sha256 from archive.document where record_seq = any(?)"
                + " order by record_seq, ordinal", rs -> {
            bySeq.computeIfAbsent(rs.getLong("record_seq"), s -> new ArrayList<>()).add(new DocumentRef(rs.getLong("id"),
                    rs.getString("kind"), kindName(rs.getString("kind")), rs.getString("title"), rs.getString("media_type"),
                    rs.getString("sha256")));
            return 1;
        }, (Object) seqs);
        return bySeq;
    }

    // ---- administration ----------------------------------------------------------------------------------

    /**
     * The administrative acts as archived (who could do what, and since when), newest first: every municipality's for
     * the system administrator, their own municipality's for a local administrator.
     */
    @Transactional
    public List<TimelineEntry> administration(CurrentUser user, int limit) {
        boolean all = user.municipality() == null && user.hasRole(Roles.ADMIN);
        String scope = all ? "" : " and r.municipality = ?";
        Object[] params = all ? new Object[]{limit} : new Object[]{user.municipality(), limit};
        return sql.query("select " + COLUMNS + " from archive.record r where r.type like 'administration.%'" + scope
                        + " order by r.seq desc limit ?", Archive::row, params).stream()
                .map(r -> new TimelineEntry(r.seq, r.messageId, r.type, describe(r.type, r.payload), r.businessDate, r.occurredAt, r.actor,
                        r.causationId, r.recordHash, List.<DocumentRef>of())).toList();
    }

    // ---- as of a date ------------------------------------------------------------------------------------

    @Transactional
    public PlanStanding asOf(UUID planId, LocalDate date, CurrentUser user) {
        checkAccess(planId, user);
        List<TimelineEntry> events = entries(planId, date);
        Map<Long, JsonNode> payloads = new HashMap<>();
        if (!events.isEmpty()) {
            sql.query("select seq, payload::text from archive.record where seq = any(?)", rs -> {
                payloads.put(rs.getLong(1), parse(rs.getString(2)));
                return 1;
            }, (Object) events.stream().mapToLong(TimelineEntry::seq).toArray());
        }
        TimelineEntry first = events.isEmpty() ? entries(planId, null).stream().findFirst().orElse(null) : null;
        return PlanStanding.of(planId, date, events, payloads, first);
    }

    // ---- documents ---------------------------------------------------------------------------------------

    @Transactional
    public ArchivedDocument document(long id, CurrentUser user) {
        ArchivedDocument doc = sql.queryOne("select d.id, d.record_seq, r.plan_id, r.municipality, d.kind, d.title, d.media_type,"
                        + " d.content, d.sha256, d.declared_hash, r.occurred_at, r.actor from archive.document d"
                        + " join archive.record r on r.seq = d.record_seq where d.id = ?",
                rs -> new ArchivedDocument(rs.getLong("id"), rs.getLong("record_seq"), rs.getObject("plan_id", UUID.class),
                        rs.getString("municipality"), rs.getString("kind"), kindName(rs.getString("kind")), rs.getString("title"),
                        rs.getString("media_type"), rs.getString("content"), rs.getString("sha256"), rs.getString("declared_hash"),
                        Sql.instant(rs, "occurred_at"), rs.getString("actor")), id)
                .orElseThrow(() -> new NotFound("Dokumentet findes ikke i arkivet"));
        if (!user.canSee(doc.municipality())
                || user.hasRole(Roles.READER) && !FrozenDocuments.Kind.valueOf(doc.kind()).published
                || user.hasRole(Roles.READER) && FrozenDocuments.Kind.STATUS_REPORT.name().equals(doc.kind()) && !noted(doc.recordSeq())) {
            throw new NotFound("Dokumentet findes ikke i arkivet");
        }
        return doc;
    }

    /**
     * A status report reaches readers (politicians, the public) only once the committee has noted it: until then it is
     * the administration's draft to the committee (docs/security.md, "Roles and actions"). {@code r}: the record that
     * carried the report.
     */
    static final String NOTED = "exists (select 1 from archive.record n where n.type = '" + "approval.status-report-noted" + "'"
            + " and n.payload->>'reportId' = r.payload->>'reportId')";

    private boolean noted(long recordSeq) {
        return sql.queryOne("select 1 from archive.record r where r.seq = ? and " + NOTED, rs -> 1, recordSeq).isPresent();
    }

    /** The documents of a plan's records and of the records linked to it, in archive order (for the package). */
    List<ArchivedDocument> documentsOfPlan(UUID planId, CurrentUser user) {
        List<Long> ids = sql.query("select d.id from archive.document d join archive.record r on r.seq = d.record_seq"
                + " where r.plan_id = ? or r.seq in (select record_seq from archive.record_plan where plan_id = ?)"
                + " order by d.record_seq, d.ordinal", rs -> rs.getLong(1), planId, planId);
        return ids.stream().map(id -> document(id, user)).toList();
    }

    // ---- search ------------------------------------------------------------------------------------------

    static final String START = "\u27e6";
    static final String STOP = "\u27e7";

    /** Danish full-text search over the frozen documents of the user's municipality (all of them for an administrator). */
    @Transactional
    public List<Hit> search(String query, @Nullable Integer year, CurrentUser user) {
        if (query == null || query.isBlank()) {
            throw InvalidInput.field("q", "skriv et eller flere ord at søge efter");
        }
        if (query.length() > 200) {
            throw InvalidInput.field("q", "højst 200 tegn");
        }
        List<Object> params = new ArrayList<>();
        params.add(query.strip());
        StringBuilder where = new StringBuilder(" where d.search @@ q");
        if (user.municipality() != null) {
            where.append(" and r.municipality = ?");
            params.add(user.municipality());
        } else if (!user.hasRole(Roles.ADMIN)) {
            return List.of();
        }
        if (user.hasRole(Roles.READER)) {
            where.append(" and d.kind = any(?) and (d.kind <> '" + FrozenDocuments.Kind.STATUS_REPORT.name() + "' or " + NOTED + ")");
            params.add(FrozenDocuments.Kind.publishedNames().toArray(String[]::new));
        }
        if (year != null) {
            // A plan's period, or the year of the meeting or report.
            where.append(" and (coalesce((r.payload->>'fromYear')::int, extract(year from r.occurred_at at time zone 'Europe/Copenhagen')::int) <= ?"
                    + " and coalesce((r.payload->>'toYear')::int, extract(year from r.occurred_at at time zone 'Europe/Copenhagen')::int) >= ?)");
            params.add(year);
            params.add(year);
        }
        return sql.query("select d.id, d.kind, d.title, r.plan_id, r.municipality, r.occurred_at,"
                        + " ts_headline('danish', d.plain_text, q, 'MaxFragments=3, MinWords=6, MaxWords=22, FragmentDelimiter=\" … \","
                        + " StartSel=" + START + ", StopSel=" + STOP + "') as snippet"
                        + " from archive.document d join archive.record r on r.seq = d.record_seq,"
                        + " websearch_to_tsquery('danish', ?) q" + where
                        + " order by ts_rank(d.search, q) desc, r.occurred_at desc limit 50",
                rs -> new Hit(rs.getLong("id"), rs.getString("kind"), kindName(rs.getString("kind")), rs.getString("title"),
                        rs.getObject("plan_id", UUID.class), rs.getString("municipality"), Sql.instant(rs, "occurred_at"),
                        snippet(rs.getString("snippet"))), params.toArray());
    }

    static List<Snippet> snippet(String marked) {
        List<Snippet> parts = new ArrayList<>();
        int at = 0;
        while (at < marked.length()) {
            int start = marked.indexOf(START, at);
            if (start < 0) {
                parts.add(new Snippet(marked.substring(at), false));
                break;
            }
            int stop = marked.indexOf(STOP, start);
            if (stop < 0) {
                stop = marked.length();
            }
            if (start > at) {
                parts.add(new Snippet(marked.substring(at, start), false));
            }
            parts.add(new Snippet(marked.substring(start + 1, stop), true));
            at = stop + 1;
        }
        return parts;
    }

    // ---- words -------------------------------------------------------------------------------------------

    static String kindName(String kind) {
        try {
            return FrozenDocuments.Kind.valueOf(kind).danish;
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    JsonNode parse(String payload) {
        try {
            return json.readValue(payload, JsonNode.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** The event in words (Danish, as the pages show it). */
    String describe(String type, String payload) {
        return describe(type, parse(payload));
    }

    static String describe(String type, JsonNode p) {
        String body = text(p, "decidingBody", "udvalget");
        return switch (type) {
            case "drafting.plan-draft-created" -> "Udkast oprettet";
            case "drafting.plan-submitted" -> "Indsendt til godkendelse";
            case "drafting.plan-withdrawn" -> "Trukket tilbage af forvaltningen";
            case "drafting.plan-approved" -> "Godkendt udgave i kraft";
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
            return DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH).format(LocalDate.parse(isoDate));
        } catch (DateTimeParseException | NullPointerException e) {
            return isoDate;
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
