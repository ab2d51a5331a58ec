package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.platform.persistence.JsonColumns;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.NotFound;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Committees and the municipality's approval route in the approval schema. */
@Singleton
class CommitteeRepository {
    private final Sql sql;
    private final JsonColumns json;
    private final ApprovalColumns columns;

    CommitteeRepository(Sql sql, JsonColumns json, ApprovalColumns columns) {
        this.sql = sql;
        this.json = json;
        this.columns = columns;
    }

    void insert(Committee committee, Instant now) {
        sql.update("insert into approval.committee (id, municipality, name, kind, members, secretaries, version, created_at)"
                        + " values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), 0, ?)",
                committee.id(), committee.municipality(), committee.name(), committee.kind(),
                columns.members(committee.members()), json.write(committee.secretaries()), now);
    }

    /** Saves the committee if nobody changed it since it was read (its version); otherwise 409. */
    void update(Committee committee) {
        int rows = sql.update("update approval.committee set name = ?, kind = ?, members = cast(? as jsonb),"
                        + " secretaries = cast(? as jsonb), version = version + 1 where id = ? and version = ?",
                committee.name(), committee.kind(), columns.members(committee.members()), json.write(committee.secretaries()),
                committee.id(), committee.version());
        if (rows == 0) {
            throw new Conflict("Udvalget er ændret af en anden i mellemtiden. Hent det igen og gentag din ændring.");
        }
    }

    /** The municipality's committee; 404 when there is none (or it is another municipality's). */
    Committee load(UUID id, String municipality) {
        return find(id, municipality).orElseThrow(() -> new NotFound("Udvalget findes ikke"));
    }

    Optional<Committee> find(UUID id, String municipality) {
        return sql.queryOne("select * from approval.committee where id = ? and municipality = ?", this::committee, id,
                municipality);
    }

    List<Committee> ofMunicipality(String municipality) {
        return sql.query("select * from approval.committee where municipality = ? order by kind, name", this::committee,
                municipality);
    }

    boolean nameTaken(String municipality, String name, UUID except) {
        return sql.queryOne("select 1 from approval.committee where municipality = ? and lower(name) = lower(?) and id <> ?",
                rs -> 1, municipality, name, except).isPresent();
    }

    /**
     * The configured route, or, while the secretary has set none, one decision by a committee nobody has chosen yet:
     * no committee becomes the deciding one just because it exists (or was created first, or sorts first).
     */
    RouteView route(String municipality) {
        return sql.queryOne("select stages, version from approval.approval_route where municipality = ?",
                        rs -> new RouteView(columns.route(rs.getString("stages")), rs.getLong("version"), true), municipality)
                .orElseGet(() -> new RouteView(ApprovalRoute.committeeOnly(null), -1, false));
    }

    void saveRoute(String municipality, ApprovalRoute route, long expectedVersion, String user, Instant now) {
        int rows = expectedVersion < 0
                ? sql.update("insert into approval.approval_route (municipality, stages, version, updated_by, updated_at)"
                        + " values (?, cast(? as jsonb), 0, ?, ?) on conflict do nothing", municipality, columns.route(route), user, now)
                : sql.update("update approval.approval_route set stages = cast(? as jsonb), version = version + 1,"
                        + " updated_by = ?, updated_at = ? where municipality = ? and version = ?",
                columns.route(route), user, now, municipality, expectedVersion);
        if (rows == 0) {
            throw new Conflict("Godkendelsesforløbet er ændret af en anden i mellemtiden. Hent det igen.");
        }
    }

    private Committee committee(ResultSet rs) throws SQLException {
        return new Committee(rs.getObject("id", UUID.class), rs.getString("municipality"), rs.getString("name"),
                Committee.Kind.valueOf(rs.getString("kind")), columns.members(rs.getString("members")),
                json.strings(rs.getString("secretaries")), rs.getLong("version"));
    }
}
