package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.Amendment;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.platform.persistence.PlanDocumentColumns;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.web.Conflict;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Submissions (a plan revision on its approval route), hearings and status reports in the approval schema. */
@Singleton
class SubmissionRepository {
    private final Sql sql;
    private final ApprovalColumns columns;
    private final PlanDocumentColumns documents;

    SubmissionRepository(Sql sql, ApprovalColumns columns, PlanDocumentColumns documents) {
        this.sql = sql;
        this.columns = columns;
        this.documents = documents;
    }

    /** A submission with what the pages and messages need besides its state. */
    record Row(Submission submission, String title, int fromYear, int toYear, String committeeName, String contentHash,
               String submittedBy, Instant submittedAt, PlanDocument submittedDocument,
               PlanDocument currentDocument, List<Amendment> amendments, LocalDate hearingAsked) {

        /** The text the next decision is about: the submitted document with every amendment so far. */
        PlanDocument documentNow() {
            return currentDocument != null ? currentDocument : submittedDocument;
        }
    }

    boolean insert(Submission s, String title, int fromYear, int toYear, String committeeName, String contentHash,
                   String submittedBy, Instant submittedAt, PlanDocument document, LocalDate hearingAsked) {
        return sql.update("insert into approval.submission (plan_id, revision, municipality, title, from_year, to_year,"
                        + " committee_name, content_hash, submitted_by, submitted_at, status, document, stage, route, hearing_asked)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?) on conflict do nothing",
                s.planId(), s.revision(), s.municipality(), title, fromYear, toYear, committeeName, contentHash, submittedBy,
                submittedAt, s.status(), documents.write(document), s.stage(), columns.route(s.route()), hearingAsked) == 1;
    }

    /**
     * Saves state, stage and route (a plan that arrived before the route was set takes it later), and the amended
     * text, if nobody moved the submission since it was read; otherwise 409.
     */
    void update(Submission s, PlanDocument currentDocument, List<Amendment> amendments, LocalDate hearingAsked) {
        int rows = sql.update("update approval.submission set status = ?, stage = ?, route = cast(? as jsonb),"
                        + " current_document = cast(? as jsonb),"
                        + " amendments = cast(? as jsonb), hearing_asked = ?, version = version + 1"
                        + " where plan_id = ? and revision = ? and version = ?",
                s.status(), s.stage(), columns.route(s.route()), documents.write(currentDocument), columns.amendments(amendments), hearingAsked,
                s.planId(), s.revision(), s.version());
        if (rows == 0) {
            throw new Conflict("Planens behandling er ændret af en anden i mellemtiden. Hent siden igen.");
        }
    }

    Optional<Row> find(UUID planId, int revision, String municipality) {
        return sql.queryOne("select * from approval.submission where plan_id = ? and revision = ? and municipality = ?",
                this::row, planId, revision, municipality);
    }

    /** The plan's latest submission (whatever its state). */
    Optional<Row> latest(UUID planId, String municipality) {
        return sql.query("select * from approval.submission where plan_id = ? and municipality = ? order by revision desc limit 1",
                this::row, planId, municipality).stream().findFirst();
    }

    List<Row> withStatus(String municipality, Submission.Status... statuses) {
        return sql.query("select * from approval.submission where municipality = ? and status = any(?) order by submitted_at",
                this::row, municipality, java.util.Arrays.stream(statuses).map(Enum::name).toArray(String[]::new));
    }

    void askHearing(UUID planId, int revision, int stage, String body, LocalDate asked, LocalDate deadline) {
        sql.update("insert into approval.hearing (plan_id, revision, stage, body, asked_on, deadline) values (?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing", planId, revision, stage, body, asked, deadline);
    }

    void answerHearing(UUID planId, int revision, int stage, String answer, LocalDate answeredOn, String user) {
        sql.update("update approval.hearing set answer = ?, answered_on = ?, recorded_by = ?"
                + " where plan_id = ? and revision = ? and stage = ?", answer, answeredOn, user, planId, revision, stage);
    }

    /** A hearing of the submission, asked or answered. */
    record Hearing(int stage, String body, LocalDate askedOn, LocalDate deadline, String answer, LocalDate answeredOn) {
    }

    List<Hearing> hearings(UUID planId, int revision) {
        return sql.query("select * from approval.hearing where plan_id = ? and revision = ? order by stage",
                rs -> new Hearing(rs.getInt("stage"), rs.getString("body"), rs.getObject("asked_on", LocalDate.class),
                        rs.getObject("deadline", LocalDate.class), rs.getString("answer"),
                        rs.getObject("answered_on", LocalDate.class)), planId, revision);
    }

    /** A status report from follow-up waiting for, or placed on, an agenda. */
    record StatusReport(UUID reportId, UUID planId, String municipality, String planTitle, String roundLabel, LocalDate dueDate,
                        String summary, String reportHtml, String submittedBy, Instant receivedAt, String status) {
    }

    /** Keeps a report received from follow-up, waiting for an agenda; a report already received stays as it is. */
    void receiveReport(UUID reportId, UUID planId, String municipality, String planTitle, String roundLabel, LocalDate dueDate,
                       String summary, String reportHtml, String submittedBy, Instant receivedAt) {
        sql.update("insert into approval.status_report (report_id, plan_id, municipality, plan_title, round_label, due_date,"
                        + " summary, report_html, submitted_by, received_at, status)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING_AGENDA') on conflict do nothing",
                reportId, planId, municipality, planTitle, roundLabel, dueDate, summary, reportHtml, submittedBy, receivedAt);
    }

    List<StatusReport> reports(String municipality, String status) {
        return sql.query("select * from approval.status_report where municipality = ? and status = ? order by received_at",
                SubmissionRepository::report, municipality, status);
    }

    Optional<StatusReport> report(UUID reportId, String municipality) {
        return sql.queryOne("select * from approval.status_report where report_id = ? and municipality = ?",
                SubmissionRepository::report, reportId, municipality);
    }

    void reportStatus(UUID reportId, String status) {
        sql.update("update approval.status_report set status = ? where report_id = ?", status, reportId);
    }

    private static StatusReport report(ResultSet rs) throws SQLException {
        return new StatusReport(rs.getObject("report_id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getString("municipality"), rs.getString("plan_title"), rs.getString("round_label"),
                rs.getObject("due_date", LocalDate.class), rs.getString("summary"), rs.getString("report_html"),
                rs.getString("submitted_by"), Sql.instant(rs, "received_at"), rs.getString("status"));
    }

    private Row row(ResultSet rs) throws SQLException {
        String routeJson = rs.getString("route");
        // Submissions from before routes existed were decided by "the committee": any committee, one stage.
        ApprovalRoute route = routeJson == null ? ApprovalRoute.committeeOnly(null) : columns.route(routeJson);
        Submission submission = new Submission(rs.getObject("plan_id", UUID.class), rs.getInt("revision"),
                rs.getString("municipality"), route, Submission.Status.valueOf(rs.getString("status")), rs.getInt("stage"),
                rs.getLong("version"));
        return new Row(submission, rs.getString("title"), rs.getInt("from_year"), rs.getInt("to_year"),
                rs.getString("committee_name"), rs.getString("content_hash"), rs.getString("submitted_by"),
                Sql.instant(rs, "submitted_at"), documents.read(rs.getString("document")),
                documents.read(rs.getString("current_document")), columns.amendments(rs.getString("amendments")),
                rs.getObject("hearing_asked", LocalDate.class));
    }
}
