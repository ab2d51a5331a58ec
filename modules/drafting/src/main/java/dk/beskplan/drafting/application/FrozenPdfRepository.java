package dk.beskplan.drafting.application;

import dk.beskplan.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The PDFs of frozen revisions, rendered once and then served from the database. */
@Singleton
class FrozenPdfRepository {
    private final Sql sql;

    FrozenPdfRepository(Sql sql) {
        this.sql = sql;
    }

    Optional<byte[]> find(UUID planId, int revision) {
        return sql.queryOne("select pdf from drafting.frozen_pdf where plan_id = ? and revision = ?",
                rs -> rs.getBytes(1), planId, revision);
    }

    /** Keeps the first PDF stored for the revision. */
    int insert(UUID planId, int revision, byte[] pdf, Instant renderedAt) {
        return sql.update("insert into drafting.frozen_pdf"
                + " (plan_id, revision, pdf, rendered_at) values (?, ?, ?, ?) on conflict do nothing",
                planId, revision, pdf, renderedAt);
    }
}
