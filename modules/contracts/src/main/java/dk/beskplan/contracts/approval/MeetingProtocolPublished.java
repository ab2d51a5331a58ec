package dk.beskplan.contracts.approval;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A meeting was closed and its decision protocol (beslutningsprotokol) published; published again, as a new
 * message, when a correction changes it. {@code protocolHtml} is the document as rendered, {@code contentHash}
 * its SHA-256 (hex), so the archive can keep the protocol as it was.
 */
@Serdeable
@MessageContract(type = "approval.meeting-protocol-published", version = 1)
public record MeetingProtocolPublished(UUID meetingId, String decidingBody, LocalDate meetingDate, List<UUID> planIds,
                                       String protocolHtml, String contentHash) {
}
