package dk.beskplan.platform.persistence;

import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.PlanDocumentReader;
import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.Target;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * A plan document in a module's own column (text or jsonb): stored as its canonical JSON text, read back with the plan
 * document's reader. Every module that keeps a copy of a plan keeps it this way, so a copy reads as the original.
 */
@Singleton
public class PlanDocumentColumns {
    private final JsonMapper json;

    public PlanDocumentColumns(JsonMapper json) {
        this.json = json;
    }

    /** The column value; null for no document. */
    public @Nullable String write(@Nullable PlanDocument document) {
        return document == null ? null : PlanDocumentWriter.toJson(document);
    }

    /** The document in a column; null for none. A stored copy that does not read is a defect, not a plan. */
    public @Nullable PlanDocument read(@Nullable String column) {
        return column == null ? null : read(column, PlanDocumentReader::read);
    }

    /** A criterion's target in its own column (follow-up keeps one per criterion). */
    public String writeTarget(Target target) {
        return PlanDocumentWriter.toJson(target);
    }

    /** The target in a column; none stored reads as narrative (nothing to evaluate). */
    public Target readTarget(@Nullable String column) {
        return column == null ? new Target.Narrative() : read(column, PlanDocumentReader::readTarget);
    }

    /** A criterion's several targets in their own column (each with its deadline). */
    public String writeTargets(List<dk.beskplan.plandocument.CriterionTarget> targets) {
        return PlanDocumentWriter.targetsToJson(targets);
    }

    /** A criterion's several targets; none stored reads as the empty list (the criterion has its one target). */
    public List<dk.beskplan.plandocument.CriterionTarget> readTargets(@Nullable String column) {
        return column == null ? List.of() : read(column, PlanDocumentReader::readTargets);
    }

    /** A criterion's status figures in their own column. */
    public String writeBaselines(List<SuccessCriterion.Baseline> baselines) {
        return PlanDocumentWriter.toJson(baselines);
    }

    public List<SuccessCriterion.Baseline> readBaselines(@Nullable String column) {
        return column == null ? List.of() : read(column, PlanDocumentReader::readBaselines);
    }

    private <T> T read(String column, Function<JsonNode, T> reader) {
        try {
            return reader.apply(json.readValue(column, JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PlanDocumentReader.Invalid e) {
            throw new IllegalStateException("A stored plan document (or part of one) does not read: " + e.getMessage(), e);
        }
    }
}
