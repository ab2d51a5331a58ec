package dk.beskplan.archive.application;

import dk.beskplan.platform.messaging.Envelope;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The records archived before the archive was chained, kept unchanged in {@code archive.record_v1}. */
@Singleton
class LegacyRecordRepository {
    /** A legacy record: its seq in the old table, the message it archived and when it was received. */
    record LegacyRecord(long seq, Envelope envelope, Instant receivedAt) {
    }

    private final Sql sql;
    private final JsonMapper json;

    LegacyRecordRepository(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** Up to {@code limit} legacy records after {@code afterSeq} whose message is not in the chain yet, in their order. */
    List<LegacyRecord> unchained(long afterSeq, int limit) {
        return sql.query("select v.seq, v.message_id, v.type, v.schema_version, v.occurred_at, v.municipality,"
                + " v.plan_id, v.causation_id, v.actor, v.payload::text, v.received_at from archive.record_v1 v"
                + " where v.seq > ? and not exists (select 1 from archive.record r where r.message_id = v.message_id)"
                + " order by v.seq limit " + limit, rs -> new LegacyRecord(rs.getLong(1), new Envelope(
                rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), Sql.instant(rs, "occurred_at"),
                rs.getString(6), rs.getObject(7, UUID.class), rs.getObject(8, UUID.class), rs.getString(9),
                tree(rs.getString(10))), Sql.instant(rs, "received_at")), afterSeq);
    }

    private JsonNode tree(String payload) {
        try {
            return json.readValue(payload, JsonNode.class);
        } catch (IOException e) {
            throw new IllegalStateException("legacy archive payload is not JSON: " + payload, e);
        }
    }
}
