package dk.beskplan.administration.application;

import dk.beskplan.platform.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The administrative acts as the administrators' pages list them. */
@Singleton
class ActRepository {
    private final Sql sql;

    ActRepository(Sql sql) {
        this.sql = sql;
    }

    void insert(UUID messageId, Instant occurredAt, String actor, @Nullable String municipality, String type, String subject,
                String summary) {
        sql.update("insert into administration.act (message_id, occurred_at, actor, municipality, type, subject, summary)"
                + " values (?, ?, ?, ?, ?, ?, ?)", messageId, occurredAt, actor, municipality, type, subject, summary);
    }

    /** The newest acts first: of one municipality and/or about one subject (null: any). */
    List<Acts.Act> history(@Nullable String municipality, @Nullable String subject, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (municipality != null) {
            where.append(" and municipality = ?");
            params.add(municipality);
        }
        if (subject != null) {
            where.append(" and subject = ?");
            params.add(subject);
        }
        params.add(limit);
        return sql.query("select message_id, occurred_at, actor, municipality, type, subject, summary from administration.act"
                        + where + " order by occurred_at desc, message_id limit ?",
                rs -> new Acts.Act(rs.getObject(1, UUID.class), Sql.instant(rs, "occurred_at"), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), params.toArray());
    }
}
