package dk.beskplan.drafting.application;

import dk.beskplan.contracts.drafting.PlanDocumentFrozen;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The PDFs of frozen revisions (drafting.frozen_document): requested when a revision is frozen, rendered once soon
 * after, never changed afterwards.
 */
@Singleton
class FrozenDocumentRepository {
    /** After this many failed renders a request waits for an operator (it is logged as an error each time). */
    static final int MAX_ATTEMPTS = 5;

    private final Sql sql;

    FrozenDocumentRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * A revision's PDF to be rendered: what it is the PDF of, the business date it was frozen on, and the context of
     * the message that will carry it (who froze it, and the message that caused the freezing, if any).
     */
    record Request(UUID planId, int revision, PlanDocumentFrozen.Kind kind, String contentHash, LocalDate frozenOn,
                   @Nullable String municipality, String actor, @Nullable UUID causationId) {
        MessageContext context() {
            return new MessageContext(municipality, planId, actor, causationId);
        }
    }

    /** Records the request in the caller's (freezing) transaction; a second request for the same PDF is ignored. */
    void request(Request request, Instant at) {
        sql.update("insert into drafting.frozen_document (plan_id, revision, kind, content_hash, requested_at, frozen_on,"
                        + " municipality, actor, causation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                request.planId(), request.revision(), request.kind().name(), request.contentHash(), at, request.frozenOn(),
                request.municipality(), request.actor(), request.causationId());
    }

    /** The oldest requests not yet rendered (and not given up on), for the worker. */
    List<Request> pending(int limit) {
        return sql.query("select " + REQUEST_COLUMNS + " from drafting.frozen_document where pdf is null and attempts < ?"
                + " order by requested_at limit ?", FrozenDocumentRepository::request, MAX_ATTEMPTS, limit);
    }

    Optional<Request> pending(UUID planId, int revision, PlanDocumentFrozen.Kind kind) {
        return sql.queryOne("select " + REQUEST_COLUMNS + " from drafting.frozen_document where pdf is null"
                + " and plan_id = ? and revision = ? and kind = ?", FrozenDocumentRepository::request, planId, revision, kind.name());
    }

    /** Stores the rendered bytes if no one stored them first; true when these are the ones kept. */
    boolean complete(FrozenPdf frozen, Instant renderedAt) {
        return sql.update("update drafting.frozen_document set file_name = ?, pdf = ?, sha256 = ?, rendered_at = ?"
                        + " where plan_id = ? and revision = ? and kind = ? and pdf is null", frozen.fileName(), frozen.pdf(),
                frozen.sha256(), renderedAt, frozen.planId(), frozen.revision(), frozen.kind().name()) == 1;
    }

    /** Counts a failed render; returns the attempts so far. */
    int failed(Request request) {
        return sql.queryOne("update drafting.frozen_document set attempts = attempts + 1"
                        + " where plan_id = ? and revision = ? and kind = ? returning attempts", rs -> rs.getInt(1),
                request.planId(), request.revision(), request.kind().name()).orElse(0);
    }

    /** The rendered PDF, if it has been rendered. */
    Optional<FrozenPdf> find(UUID planId, int revision, PlanDocumentFrozen.Kind kind) {
        return sql.queryOne("select content_hash, file_name, pdf, sha256 from drafting.frozen_document"
                        + " where plan_id = ? and revision = ? and kind = ? and pdf is not null",
                rs -> new FrozenPdf(planId, revision, kind, rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)),
                planId, revision, kind.name());
    }

    private static final String REQUEST_COLUMNS =
            "plan_id, revision, kind, content_hash, frozen_on, municipality, actor, causation_id";

    private static Request request(ResultSet rs) throws SQLException {
        return new Request(rs.getObject("plan_id", UUID.class), rs.getInt("revision"),
                PlanDocumentFrozen.Kind.valueOf(rs.getString("kind")), rs.getString("content_hash"),
                rs.getObject("frozen_on", LocalDate.class), rs.getString("municipality"), rs.getString("actor"),
                rs.getObject("causation_id", UUID.class));
    }
}
