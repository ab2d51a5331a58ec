package dk.beskplan.drafting.document;

import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.PlanDocumentReader;
import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.plandocument.Target;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan document's published JSON schema (src/main/openapi/plan-document.yml, served in the API description) is
 * held against the typed records: every field the writer writes is described, every described field is written, and
 * the target kinds and their enumerations are the sealed {@link Target}'s.
 */
class PlanDocumentSchemaTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    @SuppressWarnings("unchecked")
    void theSchemaDescribesExactlyWhatTheWriterWrites() throws IOException {
        Map<String, Map<String, Object>> schemas = schemas();
        PlanDocument plan = read("/demo-plans/frederikssund-2023.json");
        Map<String, Object> written = PlanDocumentWriter.write(plan);
        Map<String, Object> goal = ((List<Map<String, Object>>) written.get("goals")).get(0);
        Map<String, Object> criterion = ((List<Map<String, Object>>) goal.get("successCriteria")).get(0);

        assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(properties(schemas, "PlanDocument"));
        assertThat(goal.keySet()).containsExactlyInAnyOrderElementsOf(properties(schemas, "Goal"));
        Set<String> criterionFields = new TreeSet<>(criterion.keySet());
        criterionFields.add("continuesAfterDeadline"); // written only when set
        criterionFields.add("targets"); // written only when a criterion has several targets, in place of target
        assertThat(criterionFields).containsExactlyInAnyOrderElementsOf(properties(schemas, "SuccessCriterion"));
        assertThat(components(dk.beskplan.plandocument.SuccessCriterion.Baseline.class))
                .containsExactlyInAnyOrderElementsOf(properties(schemas, "Baseline"));
        assertThat(components(PlanDocument.Layout.class)).containsExactlyInAnyOrderElementsOf(properties(schemas, "Layout"));
        assertThat(components(PlanDocument.Section.class)).containsExactlyInAnyOrderElementsOf(properties(schemas, "Section"));
        assertThat(components(PlanDocument.Foreword.class)).containsExactlyInAnyOrderElementsOf(properties(schemas, "Foreword"));
        for (Class<?> block : PlanDocument.Block.class.getPermittedSubclasses()) {
            List<String> fields = new java.util.ArrayList<>(components(block));
            fields.add("type");
            assertThat(fields).as(block.getSimpleName()).containsExactlyInAnyOrderElementsOf(properties(schemas, block.getSimpleName()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTargetKindsAndTheirFieldsAreTheSealedTargets() throws IOException {
        Map<String, Object> target = schemas().get("Target");
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) target.get("properties");

        Set<String> kinds = Arrays.stream(Target.class.getPermittedSubclasses())
                .map(c -> c.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase()).collect(Collectors.toSet());
        assertThat((List<String>) properties.get("kind").get("enum")).containsExactlyInAnyOrderElementsOf(kinds);

        Set<String> fields = new TreeSet<>(Set.of("kind"));
        Arrays.stream(Target.class.getPermittedSubclasses()).forEach(c -> fields.addAll(components(c)));
        // An entry of a criterion's several targets is a Target with its own indicator and deadline beside its fields.
        fields.addAll(components(dk.beskplan.plandocument.CriterionTarget.class));
        fields.remove("target");
        assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(fields);

        assertThat((List<String>) properties.get("comparator").get("enum")).containsExactlyElementsOf(names(Target.Comparator.class));
        assertThat((List<String>) properties.get("relation").get("enum")).containsExactlyElementsOf(names(Target.Relation.class));
        assertThat((List<String>) properties.get("betterWhen").get("enum")).containsExactlyElementsOf(names(Target.BetterWhen.class));
        assertThat((List<String>) properties.get("direction").get("enum")).containsExactlyElementsOf(names(Target.Trend.Direction.class));
        assertThat((List<String>) properties.get("comparedTo").get("enum")).containsExactlyElementsOf(names(Target.Trend.ComparedTo.class));
        assertThat((List<String>) properties.get("scope").get("enum")).containsExactlyElementsOf(names(Target.Rank.Scope.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> schemas() throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(Path.of("src/main/openapi/plan-document.yml")));
        return (Map<String, Map<String, Object>>) ((Map<String, Object>) yaml.get("components")).get("schemas");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> properties(Map<String, Map<String, Object>> schemas, String name) {
        return ((Map<String, Object>) schemas.get(name).get("properties")).keySet();
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    private static PlanDocument read(String resource) throws IOException {
        try (InputStream in = PlanDocumentSchemaTest.class.getResourceAsStream(resource)) {
            return PlanDocumentReader.read(JSON.readValue(in.readAllBytes(), JsonNode.class));
        }
    }
}
