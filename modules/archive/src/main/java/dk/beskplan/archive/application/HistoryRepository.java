package dk.beskplan.archive.application;

import dk.beskplan.platform.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The archive's records read as history, for {@link Archive}: the plans the archive holds, a plan's events by the day
 * they happened, the administrative acts, and what a record carried.
 */
@Singleton
class HistoryRepository {
    /** A plan the archive holds, as its records tell it. */
    record Plan(UUID planId, String municipality, @Nullable String title, @Nullable String fromYear, @Nullable String toYear,
                boolean published, long records, Instant lastEventAt, @Nullable Long approvedDocumentId) {
    }

    /** A record as an event: {@code businessDate} is the day it happened, {@code payload} the JSON it carried. */
    record Event(long seq, UUID messageId, String type, LocalDate businessDate, Instant occurredAt, String actor,
                 @Nullable UUID causationId, String recordHash, String payload) {
    }

    /** A record that puts the plan in force: the approved version, or (before drafting sent it) a final approval. */
    static final String PUTS_IN_FORCE = "(type = '" + "drafting.plan-approved" + "' or (type = '" + "approval.plan-decision-recorded" + "'"
            + " and payload->>'decision' in ('APPROVED', 'APPROVED_WITH_AMENDMENTS')"
            + " and coalesce((payload->>'finalDecision')::boolean, true)))";

    /**
     * The business date of a record, as SQL on {@code r}: the day the message says it happened (a decision's or
     * noting's meeting date, the approval date, the day a status report's figures were measured on, ...), or the day it
     * was recorded (Danish time) when the message names none, as older versions of the messages do not
     * ({@link Archive#businessDateFields()}).
     */
    static final String BUSINESS_DATE = "coalesce((select d::date from (select case r.type"
            + Archive.businessDateFields().entrySet().stream().map(e -> " when '" + e.getKey() + "' then r.payload->>'" + e.getValue() + "'")
            .collect(java.util.stream.Collectors.joining())
            + " end as d) named where d ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), (r.occurred_at at time zone 'Europe/Copenhagen')::date)";

    private static final String COLUMNS = "r.seq, r.message_id, r.type, " + BUSINESS_DATE + " as business_date, r.occurred_at, r.actor,"
            + " r.causation_id, r.record_hash, r.payload::text as payload";

    private final Sql sql;

    HistoryRepository(Sql sql) {
        this.sql = sql;
    }

    /** The plans of the municipality (every municipality's when null), newest period first. */
    List<Plan> plans(@Nullable String municipality) {
        String scope = municipality == null ? "" : " and municipality = ?";
        Object[] params = municipality == null ? new Object[0] : new Object[]{municipality};
        return sql.query("select plan_id, min(municipality) as municipality, count(*) as records,"
                + " max(occurred_at) as last_at,"
                + " (array_agg(payload->>'title' order by seq desc) filter (where payload->>'title' is not null))[1] as title,"
                + " (array_agg(payload->>'fromYear' order by seq desc) filter (where payload->>'fromYear' is not null))[1] as from_year,"
                + " (array_agg(payload->>'toYear' order by seq desc) filter (where payload->>'toYear' is not null))[1] as to_year,"
                + " bool_or(" + PUTS_IN_FORCE + ") as published,"
                // The version in force, for readers to open from the list.
                + " (select max(d.id) from archive.document d join archive.record a on a.seq = d.record_seq"
                + "   where a.plan_id = record.plan_id and d.kind = 'APPROVED_VERSION') as approved_document"
                + " from archive.record where plan_id is not null" + scope
                + " group by plan_id order by from_year desc nulls last, title", rs -> new Plan(
                rs.getObject("plan_id", UUID.class), rs.getString("municipality"), rs.getString("title"),
                rs.getString("from_year"), rs.getString("to_year"), rs.getBoolean("published"),
                rs.getLong("records"), Sql.instant(rs, "last_at"), (Long) rs.getObject("approved_document")), params);
    }

    /** The municipality of the plan's first record; empty when the archive has no record of the plan. */
    Optional<String> municipalityOf(UUID planId) {
        return sql.queryOne("select municipality from archive.record where plan_id = ? order by seq limit 1",
                rs -> rs.getString(1), planId);
    }

    /** True when a record puts the plan in force. */
    boolean published(UUID planId) {
        return sql.queryOne("select 1 from archive.record where plan_id = ? and " + PUTS_IN_FORCE + " limit 1",
                rs -> 1, planId).isPresent();
    }

    /**
     * The plan's records, and those linked to it (protocols), by the day they happened, then by the moment their module
     * recorded them (the PDF frozen with a submission can reach the archive after the committee has already acted on the
     * submission; it still stands where it happened), then in the order recorded;
     * up to and including the day {@code until} when given.
     */
    List<Event> events(UUID planId, @Nullable LocalDate until) {
        String upTo = until == null ? "" : " and " + BUSINESS_DATE + " <= ?";
        Object[] params = until == null ? new Object[]{planId, planId} : new Object[]{planId, until, planId, until};
        return sql.query("select * from (select " + COLUMNS + " from archive.record r where r.plan_id = ?" + upTo
                + " union all select " + COLUMNS + " from archive.record_plan l join archive.record r on r.seq = l.record_seq"
                + " where l.plan_id = ?" + upTo + ") t order by business_date, occurred_at, seq", HistoryRepository::event, params);
    }

    /** The newest administrative acts of the municipality (every municipality's when null), newest first. */
    List<Event> administration(@Nullable String municipality, int limit) {
        String scope = municipality == null ? "" : " and r.municipality = ?";
        Object[] params = municipality == null ? new Object[]{limit} : new Object[]{municipality, limit};
        return sql.query("select " + COLUMNS + " from archive.record r where r.type like 'administration.%'" + scope
                + " order by r.seq desc limit ?", HistoryRepository::event, params);
    }

    /** The JSON each of the records carried, by seq. */
    Map<Long, String> payloads(long[] seqs) {
        Map<Long, String> payloads = new HashMap<>();
        if (seqs.length > 0) {
            sql.query("select seq, payload::text from archive.record where seq = any(?)", rs -> {
                payloads.put(rs.getLong(1), rs.getString(2));
                return 1;
            }, (Object) seqs);
        }
        return payloads;
    }

    /**
     * A status report reaches readers (politicians, the public) only once the committee has noted it: until then it is
     * the administration's draft to the committee (docs/security.md, "Roles and actions"). {@code r}: the record that
     * carried the report.
     */
    static final String NOTED = "exists (select 1 from archive.record n where n.type = '" + "approval.status-report-noted" + "'"
            + " and n.payload->>'reportId' = r.payload->>'reportId')";

    /** True when the status report the record carried has been noted by the committee. */
    boolean noted(long recordSeq) {
        return sql.queryOne("select 1 from archive.record r where r.seq = ? and " + NOTED, rs -> 1, recordSeq).isPresent();
    }

    private static Event event(ResultSet rs) throws SQLException {
        return new Event(rs.getLong("seq"), rs.getObject("message_id", UUID.class), rs.getString("type"),
                rs.getObject("business_date", LocalDate.class), Sql.instant(rs, "occurred_at"), rs.getString("actor"), rs.getObject("causation_id", UUID.class),
                rs.getString("record_hash"), rs.getString("payload"));
    }
}
