package dk.beskplan.archive.application;

import dk.beskplan.platform.persistence.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The archive's frozen documents: those of records, one with its content, a plan's, and the Danish full-text search
 * over them (PostgreSQL's text search, the matching passages marked with {@link #START} and {@link #STOP}).
 */
@Singleton
class DocumentRepository {
    /** The marks around a searched word in a passage, as PostgreSQL's headline writes them. */
    static final String START = "\u27e6";
    static final String STOP = "\u27e7";

    /** A search hit as found: {@code passages} with the searched words between {@link #START} and {@link #STOP}. */
    record Found(long documentId, String kind, String title, @Nullable UUID planId, String municipality, Instant occurredAt,
                 String passages) {
    }

    /**
     * The PDF of document {@code d} (of record {@code r}) as archived: a PDF document's own bytes; for a plan document
     * (submitted revision, approved version), the PDF drafting froze of the same revision of the same plan
     * (message "drafting.plan-document-frozen"); null for anything else, and for plan documents archived before those PDFs.
     */
    private static final String PDF = "coalesce(d.bytes, (select p.bytes from archive.document p"
            + " join archive.record pr on pr.seq = p.record_seq"
            + " where d.kind in ('" + FrozenDocuments.Kind.SUBMITTED_REVISION.name() + "', '" + FrozenDocuments.Kind.APPROVED_VERSION.name() + "')"
            + " and pr.plan_id = r.plan_id and pr.type = '" + FrozenDocuments.FROZEN_PDF + "' and p.kind = d.kind || '_PDF'"
            + " and pr.payload->>'revisionNumber' = coalesce(r.payload->>'approvedRevision', r.payload->>'revisionNumber')"
            + " order by p.record_seq limit 1))";

    private final Sql sql;

    DocumentRepository(Sql sql) {
        this.sql = sql;
    }

    /** The documents of the records, by record seq, each record's in order. */
    Map<Long, List<Archive.DocumentRef>> ofRecords(long[] seqs) {
        Map<Long, List<Archive.DocumentRef>> bySeq = new HashMap<>();
        if (seqs.length == 0) {
            return bySeq;
        }
        sql.query("select id, record_seq, kind, title, media_type, sha256 from archive.document where record_seq = any(?)"
                + " order by record_seq, ordinal", rs -> {
            bySeq.computeIfAbsent(rs.getLong("record_seq"), s -> new ArrayList<>()).add(new Archive.DocumentRef(rs.getLong("id"),
                    rs.getString("kind"), ArchiveWording.kindName(rs.getString("kind")), rs.getString("title"),
                    rs.getString("media_type"), rs.getString("sha256")));
            return 1;
        }, (Object) seqs);
        return bySeq;
    }

    /** The document with its content and the record that carried it. */
    Optional<Archive.ArchivedDocument> find(long id) {
        return sql.queryOne("select d.id, d.record_seq, r.plan_id, r.municipality, d.kind, d.title, d.media_type,"
                        + " d.content, d.sha256, d.declared_hash, r.occurred_at, r.actor, " + PDF + " as pdf from archive.document d"
                        + " join archive.record r on r.seq = d.record_seq where d.id = ?",
                rs -> new Archive.ArchivedDocument(rs.getLong("id"), rs.getLong("record_seq"), rs.getObject("plan_id", UUID.class),
                        rs.getString("municipality"), rs.getString("kind"), ArchiveWording.kindName(rs.getString("kind")), rs.getString("title"),
                        rs.getString("media_type"), rs.getString("content"), rs.getString("sha256"), rs.getString("declared_hash"),
                        Sql.instant(rs, "occurred_at"), rs.getString("actor"), rs.getBytes("pdf")), id);
    }

    /** The ids of the documents of a plan's records and of the records linked to it, in archive order. */
    List<Long> idsOfPlan(UUID planId) {
        return sql.query("select d.id from archive.document d join archive.record r on r.seq = d.record_seq"
                + " where r.plan_id = ? or r.seq in (select record_seq from archive.record_plan where plan_id = ?)"
                + " order by d.record_seq, d.ordinal", rs -> rs.getLong(1), planId, planId);
    }

    /**
     * Danish full-text search, best match first (then newest), at most 50: in the municipality's documents (every
     * municipality's when null); {@code publishedOnly}: only published kinds, and status reports once noted; {@code year}:
     * a plan's period, or the year of the meeting or report, contains it.
     */
    List<Found> search(String query, @Nullable String municipality, boolean publishedOnly, @Nullable Integer year) {
        List<Object> params = new ArrayList<>();
        params.add(query);
        // A PDF's words are those of the plan document archived beside it: found once, there.
        StringBuilder where = new StringBuilder(" where d.search @@ q and d.media_type <> '" + FrozenDocuments.PDF + "'");
        if (municipality != null) {
            where.append(" and r.municipality = ?");
            params.add(municipality);
        }
        if (publishedOnly) {
            where.append(" and d.kind = any(?) and (d.kind <> '" + FrozenDocuments.Kind.STATUS_REPORT.name() + "' or "
                    + HistoryRepository.NOTED + ")");
            params.add(FrozenDocuments.Kind.publishedNames().toArray(String[]::new));
        }
        if (year != null) {
            where.append(" and (coalesce((r.payload->>'fromYear')::int, extract(year from r.occurred_at at time zone 'Europe/Copenhagen')::int) <= ?"
                    + " and coalesce((r.payload->>'toYear')::int, extract(year from r.occurred_at at time zone 'Europe/Copenhagen')::int) >= ?)");
            params.add(year);
            params.add(year);
        }
        return sql.query("select d.id, d.kind, d.title, r.plan_id, r.municipality, r.occurred_at,"
                        + " ts_headline('danish', d.plain_text, q, 'MaxFragments=3, MinWords=6, MaxWords=22, FragmentDelimiter=\" … \","
                        + " StartSel=" + START + ", StopSel=" + STOP + "') as snippet"
                        + " from archive.document d join archive.record r on r.seq = d.record_seq,"
                        + " websearch_to_tsquery('danish', ?) q" + where
                        + " order by ts_rank(d.search, q) desc, r.occurred_at desc limit 50",
                rs -> new Found(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getObject("plan_id", UUID.class),
                        rs.getString("municipality"), Sql.instant(rs, "occurred_at"), rs.getString("snippet")), params.toArray());
    }
}
