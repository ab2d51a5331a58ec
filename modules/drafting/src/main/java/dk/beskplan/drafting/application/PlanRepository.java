package dk.beskplan.drafting.application;

import dk.beskplan.drafting.domain.Period;
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
            + " current_revision, submitted_revision, approved_revision, decision_remarks, version";

    private final Sql sql;

    PlanRepository(Sql sql) {
        this.sql = sql;
    }

    void insert(Plan plan, String createdBy, Instant now) {
        sql.update("insert into drafting.plan (" + COLUMNS + ", created_by, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                plan.id(), plan.municipality(), plan.period().fromYear(), plan.period().toYear(), plan.title(),
                plan.committeeName(), plan.state(), plan.currentRevision(), plan.submittedRevision(),
                plan.approvedRevision(), plan.decisionRemarks(), 0L, createdBy, now, now);
    }

    /** Saves the plan's state if nobody changed it since it was loaded; otherwise 409 and nothing saved. */
    void update(Plan plan, Instant now) {
        int rows = sql.update("update drafting.plan set state = ?, current_revision = ?, submitted_revision = ?,"
                        + " approved_revision = ?, decision_remarks = ?, updated_at = ?, version = version + 1"
                        + " where id = ? and version = ?",
                plan.state(), plan.currentRevision(), plan.submittedRevision(), plan.approvedRevision(),
                plan.decisionRemarks(), now, plan.id(), plan.version());
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

    String revisionHash(UUID planId, int number) {
        return sql.queryOne("select content_hash from drafting.plan_revision where plan_id = ? and number = ?",
                rs -> rs.getString(1), planId, number).orElseThrow();
    }

    private static Plan plan(ResultSet rs) throws SQLException {
        return new Plan(rs.getObject("id", UUID.class), rs.getString("municipality"),
                new Period(rs.getInt("from_year"), rs.getInt("to_year")), rs.getString("title"),
                rs.getString("committee_name"), PlanState.valueOf(rs.getString("state")), rs.getInt("current_revision"),
                (Integer) rs.getObject("submitted_revision"), (Integer) rs.getObject("approved_revision"),
                rs.getString("decision_remarks"), rs.getLong("version"));
    }
}
