package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.platform.persistence.JsonColumns;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.NotFound;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Meetings with their agenda items and decisions (loaded and saved as one aggregate). */
@Singleton
class MeetingRepository {
    private static final String CHANGED = "Mødet er ændret af en anden i mellemtiden. Hent det igen og gentag din ændring.";
    private final Sql sql;
    private final JsonColumns json;
    private final ApprovalColumns columns;

    MeetingRepository(Sql sql, JsonColumns json, ApprovalColumns columns) {
        this.sql = sql;
        this.json = json;
        this.columns = columns;
    }

    void insert(Meeting meeting, String user, Instant now) {
        sql.update("insert into approval.meeting (id, committee_id, municipality, meeting_date, start_time, place,"
                        + " submission_deadline, status, version, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                meeting.id(), meeting.committeeId(), meeting.municipality(), meeting.date(), meeting.time(), meeting.place(),
                meeting.submissionDeadline(), meeting.status(), user, now);
    }

    /** Writes the meeting's status and agenda if nobody changed the meeting since it was loaded; otherwise 409. */
    void save(Meeting meeting, String user, Instant now) {
        int rows = sql.update("update approval.meeting set status = ?, version = version + 1,"
                        + " closed_at = case when ? = 'CLOSED' then ? else closed_at end where id = ? and version = ?",
                meeting.status(), meeting.status().name(), now, meeting.id(), meeting.version());
        if (rows == 0) {
            throw new Conflict(CHANGED);
        }
        for (AgendaItem item : meeting.items()) {
            sql.update("insert into approval.agenda_item (id, meeting_id, position, kind, title, case_text, recommendation,"
                            + " late, postponed_from, plan_id, revision, report_id, status, placed_by, placed_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " on conflict (id) do update set meeting_id = excluded.meeting_id, position = excluded.position,"
                            + " title = excluded.title, case_text = excluded.case_text, recommendation = excluded.recommendation,"
                            + " revision = excluded.revision, status = excluded.status",
                    item.id(), meeting.id(), item.position(), item.kind(), item.title(), item.caseText(), item.recommendation(),
                    item.late(), item.postponedFrom(), item.planId(), item.planId() == null ? null : item.revision(),
                    item.reportId(), item.status(), user, now);
        }
    }

    /** An undecided item leaves this agenda (moved to another meeting, or back to the in-box). */
    void deleteItem(UUID itemId) {
        sql.update("delete from approval.agenda_item where id = ? and status = 'OPEN'", itemId);
    }

    void insertDecision(UUID meetingId, AgendaItem item, ItemDecision d, LocalDate meetingDate, boolean isFinal,
                        List<String> amendmentTexts) {
        sql.update("insert into approval.decision (id, plan_id, revision, decision, meeting_date, remarks, decided_by,"
                        + " decided_at, item_id, meeting_id, followed_recommendation, present, votes, amendments, postponed_to, final,"
                        + " amendment_texts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb),"
                        + " cast(? as jsonb), ?, ?, cast(? as jsonb))",
                d.id(), item.planId(), item.planId() == null ? null : item.revision(), d.outcome(), meetingDate,
                d.protocolText(), d.decidedBy(), d.decidedAt(), item.id(), meetingId, d.followedRecommendation(),
                columns.members(d.present()), columns.votes(d.votes()), columns.amendments(d.amendments()), d.postponedTo(), isFinal,
                json.write(amendmentTexts));
    }

    /** The amendments of the meeting's decisions as the protocol words them, by decision id. */
    Map<UUID, List<String>> amendmentTexts(UUID meetingId) {
        Map<UUID, List<String>> texts = new HashMap<>();
        sql.query("select id, amendment_texts from approval.decision where meeting_id = ?",
                rs -> texts.put(rs.getObject("id", UUID.class), json.strings(rs.getString("amendment_texts"))), meetingId);
        return texts;
    }

    void insertCorrection(ItemDecision.Correction c) {
        sql.update("insert into approval.decision_correction (id, decision_id, reason, protocol_text, present, votes,"
                        + " corrected_by, corrected_at) values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)",
                c.id(), c.decisionId(), c.reason(), c.protocolText(), columns.members(c.present()), columns.votes(c.votes()),
                c.correctedBy(), c.correctedAt());
    }

    /** The municipality's meeting; 404 when there is none (or it is another municipality's). */
    Meeting load(UUID id, String municipality) {
        return find(id, municipality).orElseThrow(() -> new NotFound("Mødet findes ikke"));
    }

    /**
     * The meeting, if it is still at the version the caller last saw ({@code expectedVersion}, If-Match; null: any);
     * otherwise 409 before anything is changed.
     */
    Meeting load(UUID id, String municipality, @Nullable Long expectedVersion) {
        Meeting meeting = load(id, municipality);
        if (expectedVersion != null && expectedVersion != meeting.version()) {
            throw new Conflict(CHANGED);
        }
        return meeting;
    }

    /** The meeting as pages and documents show it: with its committee, its corrections and its amendments' texts. */
    Meetings.MeetingView view(Meeting meeting, Committee committee) {
        return new Meetings.MeetingView(meeting, committee, corrections(meeting.id()), amendmentTexts(meeting.id()));
    }

    Optional<Meeting> find(UUID id, String municipality) {
        return sql.queryOne("select * from approval.meeting where id = ? and municipality = ?", rs -> row(rs), id, municipality)
                .map(this::withAgenda);
    }

    /** The meeting (if any, not closed) whose agenda holds the plan, open or withdrawn. */
    Optional<Meeting> holdingPlan(UUID planId, String municipality) {
        return sql.query("select m.* from approval.meeting m join approval.agenda_item i on i.meeting_id = m.id"
                                + " where i.plan_id = ? and m.municipality = ? and m.status <> 'CLOSED'"
                                + " and i.status in ('OPEN', 'WITHDRAWN') order by m.meeting_date desc",
                        rs -> row(rs), planId, municipality)
                .stream().findFirst().map(this::withAgenda);
    }

    /** Meetings of the municipality, newest first ({@code from}: only those on or after that date). */
    List<MeetingRow> list(String municipality, LocalDate from) {
        return sql.query("select m.*, (select count(*) from approval.agenda_item i where i.meeting_id = m.id) as items"
                        + " from approval.meeting m where m.municipality = ? and (cast(? as date) is null or m.meeting_date >= ?)"
                        + " order by m.meeting_date desc, m.start_time desc nulls last",
                rs -> new MeetingRow(row(rs), rs.getInt("items")), municipality, from, from);
    }

    /** A meeting's row without its agenda, plus the number of items (for lists). */
    record MeetingRow(Meeting meeting, int items) {
    }

    /** Corrections of the meeting's decisions, oldest first, by decision id. */
    Map<UUID, List<ItemDecision.Correction>> corrections(UUID meetingId) {
        Map<UUID, List<ItemDecision.Correction>> byDecision = new HashMap<>();
        sql.query("select c.* from approval.decision_correction c join approval.decision d on d.id = c.decision_id"
                        + " where d.meeting_id = ? order by c.corrected_at", rs -> new ItemDecision.Correction(
                        rs.getObject("id", UUID.class), rs.getObject("decision_id", UUID.class), rs.getString("reason"),
                        rs.getString("protocol_text"), columns.members(rs.getString("present")), columns.votes(rs.getString("votes")),
                        rs.getString("corrected_by"), Sql.instant(rs, "corrected_at")), meetingId)
                .forEach(c -> byDecision.computeIfAbsent(c.decisionId(), k -> new java.util.ArrayList<>()).add(c));
        return byDecision;
    }

    /** The date of each meeting an item of this meeting was postponed from. */
    Map<UUID, LocalDate> datesOf(List<UUID> meetingIds) {
        Map<UUID, LocalDate> dates = new HashMap<>();
        for (UUID id : meetingIds) {
            sql.queryOne("select meeting_date from approval.meeting where id = ?", rs -> rs.getObject(1, LocalDate.class), id)
                    .ifPresent(d -> dates.put(id, d));
        }
        return dates;
    }

    private Meeting withAgenda(Meeting m) {
        Map<UUID, ItemDecision> decisions = new HashMap<>();
        sql.query("select * from approval.decision where meeting_id = ?", rs -> new ItemDecision(rs.getObject("id", UUID.class),
                        rs.getObject("item_id", UUID.class), ItemDecision.Outcome.valueOf(rs.getString("decision")),
                        rs.getBoolean("followed_recommendation"), rs.getString("remarks"), columns.members(rs.getString("present")),
                        columns.votes(rs.getString("votes")), columns.amendments(rs.getString("amendments")),
                        rs.getObject("postponed_to", UUID.class), rs.getString("decided_by"), Sql.instant(rs, "decided_at")),
                m.id()).forEach(d -> decisions.put(d.itemId(), d));
        List<AgendaItem> items = sql.query("select i.*, f.meeting_date as from_date from approval.agenda_item i"
                        + " left join approval.meeting f on f.id = i.postponed_from where i.meeting_id = ? order by i.position",
                rs -> new AgendaItem(rs.getObject("id", UUID.class), AgendaItem.Kind.valueOf(rs.getString("kind")),
                        rs.getInt("position"), rs.getString("title"), rs.getString("case_text"), rs.getString("recommendation"),
                        rs.getBoolean("late"), rs.getObject("postponed_from", UUID.class), rs.getObject("from_date", LocalDate.class),
                        rs.getObject("plan_id", UUID.class), (Integer) rs.getObject("revision"), rs.getObject("report_id", UUID.class),
                        AgendaItem.Status.valueOf(rs.getString("status")), decisions.get(rs.getObject("id", UUID.class))),
                m.id());
        return new Meeting(m.id(), m.committeeId(), m.municipality(), m.date(), m.time(), m.place(), m.submissionDeadline(),
                m.status(), m.version(), items);
    }

    private static Meeting row(ResultSet rs) throws SQLException {
        return new Meeting(rs.getObject("id", UUID.class), rs.getObject("committee_id", UUID.class), rs.getString("municipality"),
                rs.getObject("meeting_date", LocalDate.class), rs.getObject("start_time", LocalTime.class), rs.getString("place"),
                rs.getObject("submission_deadline", LocalDate.class), Meeting.Status.valueOf(rs.getString("status")),
                rs.getLong("version"), List.of());
    }
}
