package dk.beskplan.drafting.application;

import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.PlanDocumentReader;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Plan documents read from their text: a stored revision, which drafting wrote and must read back (anything else is a
 * defect), and a document people send, whose every problem is refused at once naming its field.
 */
@Singleton
public class PlanTexts {
    private final JsonMapper json;

    PlanTexts(JsonMapper json) {
        this.json = json;
    }

    /** A stored revision's document; one drafting cannot read back is a defect, not a plan. */
    PlanDocument stored(String stored) {
        try {
            return PlanDocumentReader.read(json.readValue(stored.getBytes(StandardCharsets.UTF_8), JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PlanDocumentReader.Invalid e) {
            throw new IllegalStateException("A stored revision does not read as a plan document: " + e.getMessage(), e);
        }
    }

    /** A stored revision of {@code plan} with its document read. */
    PlanService.Document document(Plan plan, int number, PlanRepository.Revision stored) {
        return new PlanService.Document(plan, number, stored(stored.content()), stored.contentHash(), stored.frozenAs());
    }

    /** A document people send (import, save, the editor's form): every problem is refused at once, naming its field. */
    public static PlanDocument readDocument(JsonNode document) {
        try {
            return PlanDocumentReader.read(document);
        } catch (PlanDocumentReader.Invalid e) {
            throw new InvalidInput(e.problems().stream()
                    .map(p -> new ProblemException.FieldError(p.path(), p.message())).toList());
        }
    }
}
