package dk.beskplan.contracts.administration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One changed field of an administrative act: its name and its value before and after (null: empty). */
@Serdeable
public record FieldChange(String field, @Nullable String before, @Nullable String after) {
}
