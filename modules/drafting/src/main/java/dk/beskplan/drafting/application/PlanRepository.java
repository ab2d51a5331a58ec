package dk.beskplan.drafting.application;

import dk.beskplan.plandocument.Period;
import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.drafting.domain.PlanState;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.web.Conflict;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plans and their revisions in the drafting schema. */
@Singleton
class PlanRepository {
    private static final String COLUMNS = "id, municipality, from_year, to_year, title, committee_name, state,"
            + " current_revision, submitted_revision, approved_revision, decision_remarks, based_on, version";

    private final Sql sql;

    PlanRepository(Sql sql) {
        this.sql = sql;
    }

    void insert(Plan plan, String createdBy, Instant now) {
        sql.update("insert into drafting.plan (" + COLUMNS + ", created_by, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                plan.id(), plan.municipality(), plan.period().fromYear(), plan.period().toYear(), plan.title(),
                plan.committeeName(), plan.state(), plan.currentRevision(), plan.submittedRevision(),
                plan.approvedRevision(), plan.decisionRemarks(), plan.basedOn(), 0L, createdBy, now, now);
    }

    /** Saves the plan's state if nobody changed it since it was loaded; otherwise 409 and nothing saved. */
    void update(Plan plan, Instant now) {
        int rows = sql.update("update drafting.plan set state = ?, current_revision = ?, submitted_revision = ?,"
                        + " approved_revision = ?, decision_remarks = ?, title = ?, committee_name = ?, from_year = ?, to_year = ?,"
                        + " updated_at = ?, version = version + 1 where id = ? and version = ?",
                plan.state(), plan.currentRevision(), plan.submittedRevision(), plan.approvedRevision(),
                plan.decisionRemarks(), plan.title(), plan.committeeName(), plan.period().fromYear(), plan.period().toYear(),
                now, plan.id(), plan.version());
        if (rows == 0) {
            throw new Conflict("Planen er ændret af en anden i mellemtiden. Hent den igen og gentag din ændring.");
        }
    }

    Optional<Plan> find(UUID id) {
        return sql.queryOne("select " + COLUMNS + " from drafting.plan where id = ?", PlanRepository::plan, id);
    }

    List<Plan> ofMunicipality(String municipality) {
        return sql.query("select " + COLUMNS + " from drafting.plan where municipality = ?"
                + " order by from_year desc, title", PlanRepository::plan, municipality);
    }

    void insertRevision(UUID planId, int number, String content, String contentHash, String author, Instant now) {
        sql.update("insert into drafting.plan_revision (plan_id, number, content, content_hash, author, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", planId, number, content, contentHash, author, now);
    }

    /** One stored revision. */
    record Revision(int number, String content, String contentHash, String author, Instant createdAt, String frozenAs) {
    }

    Optional<Revision> revision(UUID planId, int number) {
        return sql.queryOne("select number, content, content_hash, author, created_at, frozen_as from drafting.plan_revision"
                + " where plan_id = ? and number = ?", PlanRepository::revision, planId, number);
    }

    /** The revisions without their content, newest first. */
    List<Revision> revisions(UUID planId) {
        return sql.query("select number, null as content, content_hash, author, created_at, frozen_as from drafting.plan_revision"
                + " where plan_id = ? order by number desc", PlanRepository::revision, planId);
    }

    /** A decision on the submitted revision that did not settle it (recommended, postponed). */
    record Progress(int revision, String decision, String decidingBody, java.time.LocalDate meetingDate) {
    }

    void recordProgress(UUID planId, Progress progress, Instant now) {
        sql.update("insert into drafting.approval_progress (plan_id, revision, decision, deciding_body, meeting_date, recorded_at)"
                        + " values (?, ?, ?, ?, ?, ?)", planId, progress.revision(), progress.decision(), progress.decidingBody(),
                progress.meetingDate(), now);
    }

    /** The latest such decision on this revision, if any. */
    Optional<Progress> latestProgress(UUID planId, int revision) {
        return sql.queryOne("select revision, decision, deciding_body, meeting_date from drafting.approval_progress"
                        + " where plan_id = ? and revision = ? order by id desc limit 1",
                rs -> new Progress(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, java.time.LocalDate.class)),
                planId, revision);
    }

    /** The decision that put a plan in force, as its public page tells it. */
    record ApprovalRecord(java.time.LocalDate decidedOn, String decidingBody, UUID meetingId) {
    }

    void recordApproval(UUID planId, UUID decisionId, ApprovalRecord approval, Instant now) {
        sql.update("insert into drafting.approval_record (plan_id, decision_id, decided_on, deciding_body, meeting_id, recorded_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (plan_id) do nothing", planId, decisionId, approval.decidedOn(),
                approval.decidingBody(), approval.meetingId(), now);
    }

    Optional<ApprovalRecord> approvalRecord(UUID planId) {
        return sql.queryOne("select decided_on, deciding_body, meeting_id from drafting.approval_record where plan_id = ?",
                rs -> new ApprovalRecord(rs.getObject(1, java.time.LocalDate.class), rs.getString(2), rs.getObject(3, UUID.class)),
                planId);
    }

    void freeze(UUID planId, int number, String as) {
        sql.update("update drafting.plan_revision set frozen_as = ? where plan_id = ? and number = ?", as, planId, number);
    }

    /** The municipality's latest approved plan before {@code fromYear} (last year's plan), if any. */
    Optional<Plan> lastApproved(String municipality, int beforeYear) {
        return sql.queryOne("select " + COLUMNS + " from drafting.plan where municipality = ? and state = 'APPROVED'"
                + " and from_year < ? order by to_year desc, from_year desc limit 1", PlanRepository::plan, municipality, beforeYear);
    }

    private static Revision revision(ResultSet rs) throws SQLException {
        return new Revision(rs.getInt("number"), rs.getString("content"), rs.getString("content_hash"), rs.getString("author"),
                Sql.instant(rs, "created_at"), rs.getString("frozen_as"));
    }

    private static Plan plan(ResultSet rs) throws SQLException {
        return new Plan(rs.getObject("id", UUID.class), rs.getString("municipality"),
                new Period(rs.getInt("from_year"), rs.getInt("to_year")), rs.getString("title"),
                rs.getString("committee_name"), PlanState.valueOf(rs.getString("state")), rs.getInt("current_revision"),
                (Integer) rs.getObject("submitted_revision"), (Integer) rs.getObject("approved_revision"),
                rs.getString("decision_remarks"), rs.getObject("based_on", UUID.class), rs.getLong("version"));
    }
}
