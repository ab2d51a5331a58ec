package dk.beskplan.drafting.application;

import dk.beskplan.contracts.drafting.PlanDocumentFrozen;
import dk.beskplan.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The PDFs rendered once when a revision was frozen (drafting.frozen_document), never changed. */
@Singleton
class FrozenDocumentRepository {
    private final Sql sql;

    FrozenDocumentRepository(Sql sql) {
        this.sql = sql;
    }

    void insert(FrozenPdf frozen, Instant renderedAt) {
        sql.update("insert into drafting.frozen_document (plan_id, revision, kind, content_hash, file_name, pdf, sha256, rendered_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", frozen.planId(), frozen.revision(), frozen.kind().name(),
                frozen.contentHash(), frozen.fileName(), frozen.pdf(), frozen.sha256(), renderedAt);
    }

    Optional<FrozenPdf> find(UUID planId, int revision, PlanDocumentFrozen.Kind kind) {
        return sql.queryOne("select content_hash, file_name, pdf, sha256 from drafting.frozen_document"
                        + " where plan_id = ? and revision = ? and kind = ?",
                rs -> new FrozenPdf(planId, revision, kind, rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)),
                planId, revision, kind.name());
    }
}
