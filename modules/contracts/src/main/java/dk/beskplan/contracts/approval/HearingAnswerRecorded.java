package dk.beskplan.contracts.approval;

import dk.beskplan.contracts.MessageContract;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A body heard on a submitted plan (a council or board asked for its opinion) answered, or its deadline passed
 * without an answer ({@code answer} null). The answer goes with the plan to the committee as part of the case.
 */
@Serdeable
@MessageContract(type = "approval.hearing-answer-recorded", version = 1)
public record HearingAnswerRecorded(UUID planId, int revisionNumber, String body, LocalDate deadline,
                                    @Nullable String answer, LocalDate answeredOn) {
}
