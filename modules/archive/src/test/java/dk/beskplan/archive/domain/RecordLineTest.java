package dk.beskplan.archive.domain;

import dk.beskplan.platform.domain.Hashes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical form is a contract with every archive and package already written: this pins it byte for byte.
 * If this test fails, the change breaks verification of everything archived before it.
 */
class RecordLineTest {
    private static final RecordLine LINE = new RecordLine(42, UUID.fromString("00000000-0000-0000-0000-000000000001"),
            "drafting.plan-submitted", 2, Instant.parse("2025-01-02T03:04:05.123456789Z"), Instant.parse("2025-01-02T03:04:06Z"),
            "316", UUID.fromString("00000000-0000-0000-0000-000000000002"), null, "a.official",
            "{\"title\": \"Beskæftigelsesplan 2025\"}",
            List.of(new RecordLine.DocumentHash("SUBMITTED_REVISION", "ab".repeat(32))), RecordLine.GENESIS, "cd".repeat(32));

    @Test
    void theCanonicalFormIsFixed() {
        assertThat(LINE.json()).isEqualTo("{\"seq\":42,\"messageId\":\"00000000-0000-0000-0000-000000000001\","
                + "\"type\":\"drafting.plan-submitted\",\"schemaVersion\":2,\"occurredAt\":\"2025-01-02T03:04:05.123456Z\","
                + "\"receivedAt\":\"2025-01-02T03:04:06.000000Z\",\"municipality\":\"316\","
                + "\"planId\":\"00000000-0000-0000-0000-000000000002\",\"causationId\":null,\"actor\":\"a.official\","
                + "\"payload\":{\"title\": \"Beskæftigelsesplan 2025\"},"
                + "\"documents\":[{\"kind\":\"SUBMITTED_REVISION\",\"sha256\":\"" + "ab".repeat(32) + "\"}],"
                + "\"prevPlanHash\":\"" + "0".repeat(64) + "\",\"prevArchiveHash\":\"" + "cd".repeat(32) + "\"}");
        assertThat(LINE.hash()).isEqualTo(Hashes.sha256Hex(LINE.json())).hasSize(64);
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        RecordLine otherActor = new RecordLine(LINE.seq(), LINE.messageId(), LINE.type(), LINE.schemaVersion(), LINE.occurredAt(),
                LINE.receivedAt(), LINE.municipality(), LINE.planId(), LINE.causationId(), "mallory", LINE.payloadJson(),
                LINE.documents(), LINE.prevPlanHash(), LINE.prevArchiveHash());
        RecordLine otherPredecessor = new RecordLine(LINE.seq(), LINE.messageId(), LINE.type(), LINE.schemaVersion(),
                LINE.occurredAt(), LINE.receivedAt(), LINE.municipality(), LINE.planId(), LINE.causationId(), LINE.actor(),
                LINE.payloadJson(), LINE.documents(), "ef".repeat(32), LINE.prevArchiveHash());
        assertThat(otherActor.hash()).isNotEqualTo(LINE.hash());
        assertThat(otherPredecessor.hash()).isNotEqualTo(LINE.hash());
    }

    @Test
    void stringsAreEscapedAsJsonRequires() {
        assertThat(RecordLine.string("a\"b\\c\nd\te\u0001ø")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001ø\"");
        assertThat(RecordLine.string(null)).isEqualTo("null");
    }
}
