package dk.beskplan.drafting.document;

import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.PlanDocumentReader;
import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.plandocument.TargetWording;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plan document's one canonical text is what a JSON library writes for the same tree (so the content hashes of
 * revisions stored before it existed stay true), and a document survives writing and reading unchanged.
 */
class PlanDocumentJsonTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @ParameterizedTest
    @ValueSource(strings = {"holbaek-2025", "holbaek-2023", "frederikssund-2023"})
    void theCanonicalTextIsWhatTheJsonLibraryWritesAndReadsBackToTheSameDocument(String plan) throws IOException {
        PlanDocument document = read("/demo-plans/" + plan + ".json");
        String canonical = PlanDocumentWriter.toJson(document);

        assertThat(canonical).isEqualTo(JSON.writeValueAsString(PlanDocumentWriter.write(document)));
        assertThat(PlanDocumentReader.read(JSON.readValue(canonical, JsonNode.class))).isEqualTo(document);
        assertThat(PlanDocumentWriter.hash(document)).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void controlCharactersAndQuotesAreEscapedAsTheLibraryEscapesThem() throws IOException {
        PlanDocument plan = read("/demo-plans/holbaek-2025.json");
        String title = "Titel med \"citat\", \\ og æøå – /";
        PlanDocument renamed = new PlanDocument(plan.municipality(), plan.municipalityName(), plan.fromYear(), plan.toYear(),
                title, plan.committeeName(), plan.foreword(), plan.introduction(), plan.ambition(),
                plan.overallSuccessCriteria(), plan.goalsIntroduction(), plan.goals(), plan.sections(),
                plan.overviewIntroduction(), plan.layout());
        assertThat(PlanDocumentWriter.toJson(renamed)).isEqualTo(JSON.writeValueAsString(PlanDocumentWriter.write(renamed)));
        assertThat(PlanDocumentWriter.hash(renamed)).isNotEqualTo(PlanDocumentWriter.hash(plan));
    }

    @Test
    void numbersComeBackAsTheyWereWritten() throws IOException {
        JsonNode plan = JSON.readValue("{\"schemaVersion\":1,\"municipality\":\"316\",\"fromYear\":2025,\"toYear\":2025,"
                + "\"title\":\"Plan\",\"committeeName\":\"Udvalget\",\"goals\":[{\"kind\":\"LOCAL\",\"label\":\"Mål 1\","
                + "\"title\":\"Flere i job\",\"successCriteria\":[{\"text\":\"Mindst 60 pct.\",\"baselines\":[{\"value\":71.4}],"
                + "\"target\":{\"kind\":\"SHARE\",\"comparator\":\"AT_LEAST\",\"percent\":60}}]}]}", JsonNode.class);

        String written = PlanDocumentWriter.toJson(PlanDocumentReader.read(plan));

        assertThat(written).contains("\"percent\":60}").contains("\"value\":71.4,").doesNotContain("60.0");
    }

    /** Import is strict: a second target sent as an extra field was once dropped silently (201, gone on GET). */
    @Test
    void unknownFieldsAreRefusedWithTheirPathsTogetherWithEveryOtherProblem() throws IOException {
        JsonNode extra = JSON.readValue("{\"schemaVersion\":1,\"municipality\":\"316\",\"fromYear\":2025,\"toYear\":2025,"
                + "\"title\":\"Plan\",\"committeeName\":\"Udvalget\",\"subtitle\":\"x\",\"comment\":null,"
                + "\"goals\":[{\"kind\":\"LOCAL\",\"label\":\"Mål 1\",\"title\":\"Flere i job\",\"successCriteria\":["
                + "{\"text\":\"Mindst 75 pct.; desuden 40 borgere i B\",\"target\":{\"kind\":\"SHARE\",\"comparator\":\"AT_LEAST\","
                + "\"percent\":75,\"count\":40},\"target2\":{\"kind\":\"COUNT\",\"comparator\":\"AT_LEAST\",\"count\":40}}],"
                + "\"introduction\":[{\"type\":\"paragraph\",\"text\":\"Tekst\",\"style\":\"bold\"}]}]}", JsonNode.class);

        assertThatThrownBy(() -> PlanDocumentReader.read(extra)).isInstanceOfSatisfying(PlanDocumentReader.Invalid.class,
                invalid -> assertThat(invalid.problems()).extracting(PlanDocumentReader.Problem::path).containsExactlyInAnyOrder(
                        "subtitle", "goals[0].successCriteria[0].target.count", "goals[0].successCriteria[0].target2",
                        "goals[0].introduction[0].style"));
    }

    @Test
    void aDocumentWithProblemsIsRefusedWithEveryProblemAndItsPath() throws IOException {
        JsonNode broken = JSON.readValue("{\"schemaVersion\":1,\"municipality\":\"316\",\"fromYear\":2025,\"toYear\":2024,"
                + "\"title\":\"\",\"committeeName\":\"Udvalget\",\"goals\":[{\"kind\":\"LOCAL\",\"label\":\"Mål 1\","
                + "\"title\":\"Flere i job\",\"successCriteria\":[{\"text\":\"Mindst 75 pct.\",\"target\":{\"kind\":\"SHARE\","
                + "\"comparator\":\"AT_LEAST\",\"percent\":175}}]}]}", JsonNode.class);

        assertThatThrownBy(() -> PlanDocumentReader.read(broken)).isInstanceOfSatisfying(PlanDocumentReader.Invalid.class,
                invalid -> assertThat(invalid.problems()).extracting(PlanDocumentReader.Problem::path)
                        .containsExactlyInAnyOrder("toYear", "title", "goals[0].successCriteria[0].target.percent"));
    }

    @Test
    void monthsAndAFixedReferenceYearAreKeptAsThePlanWroteThem() throws IOException {
        JsonNode plan = JSON.readValue("{\"schemaVersion\":1,\"municipality\":\"316\",\"fromYear\":2024,\"toYear\":2025,"
                + "\"title\":\"Plan\",\"committeeName\":\"Udvalget\",\"goals\":[{\"kind\":\"LOCAL\",\"label\":\"Mål 1\","
                + "\"title\":\"Flere i job\",\"successCriteria\":[{\"text\":\"Antallet skal stige i forhold til 2023\","
                + "\"deadline\":\"2025-12\",\"baselines\":[{\"label\":\"Status december 2023\",\"date\":\"2023-12\",\"value\":412}],"
                + "\"target\":{\"kind\":\"TREND\",\"direction\":\"INCREASE\",\"comparedTo\":\"FIXED_YEAR\","
                + "\"referenceYear\":2023,\"referenceValue\":412}}]}]}", JsonNode.class);

        PlanDocument document = PlanDocumentReader.read(plan);
        var criterion = document.goals().get(0).successCriteria().get(0);
        String written = PlanDocumentWriter.toJson(document);

        assertThat(criterion.deadline().words()).isEqualTo("december 2025");
        assertThat(criterion.deadline().asDay()).isEqualTo(java.time.LocalDate.of(2025, 12, 31));
        assertThat(criterion.baselines().get(0).date().words()).isEqualTo("december 2023");
        assertThat(written).contains("\"deadline\":\"2025-12\"").contains("\"date\":\"2023-12\"")
                .contains("\"comparedTo\":\"FIXED_YEAR\",\"referenceYear\":2023,\"referenceValue\":412}");
        assertThat(PlanDocumentReader.read(JSON.readValue(written, JsonNode.class))).isEqualTo(document);
    }

    @Test
    void aFixedYearNeedsItsYearAndOnlyAFixedYearTakesOne() throws IOException {
        JsonNode plan = JSON.readValue("{\"schemaVersion\":1,\"municipality\":\"316\",\"fromYear\":2024,\"toYear\":2025,"
                + "\"title\":\"Plan\",\"committeeName\":\"Udvalget\",\"goals\":[{\"kind\":\"LOCAL\",\"label\":\"Mål 1\","
                + "\"title\":\"Flere i job\",\"successCriteria\":["
                + "{\"text\":\"A\",\"deadline\":\"12-2025\",\"target\":{\"kind\":\"TREND\",\"direction\":\"INCREASE\",\"comparedTo\":\"FIXED_YEAR\"}},"
                + "{\"text\":\"B\",\"target\":{\"kind\":\"TREND\",\"direction\":\"INCREASE\",\"comparedTo\":\"PREVIOUS_PERIOD\",\"referenceYear\":2023}}"
                + "]}]}", JsonNode.class);

        assertThatThrownBy(() -> PlanDocumentReader.read(plan)).isInstanceOfSatisfying(PlanDocumentReader.Invalid.class,
                invalid -> assertThat(invalid.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactlyInAnyOrder(
                        "goals[0].successCriteria[0].deadline: skal være en dato som 2025-12-31 eller en måned som 2025-12",
                        "goals[0].successCriteria[0].target.referenceYear: skal udfyldes, når comparedTo er FIXED_YEAR (året, der sammenlignes med, fx 2023)",
                        "goals[0].successCriteria[1].target.referenceYear: bruges kun, når comparedTo er FIXED_YEAR"));
    }

    private static final String PLAN_WITH = "{\"schemaVersion\":1,\"municipality\":\"316\",\"fromYear\":2025,\"toYear\":2025,"
            + "\"title\":\"Plan\",\"committeeName\":\"Udvalget\",\"goals\":[{\"kind\":\"LOCAL\",\"label\":\"Mål 1\","
            + "\"title\":\"Flere i job\",\"successCriteria\":[";

    @Test
    void aCriterionWithOneTargetIsWrittenAsItAlwaysWas() throws IOException {
        String criterion = "{\"code\":null,\"text\":\"Mindst 60 pct.\",\"targetGroup\":null,\"indicator\":null,\"dataSource\":null,"
                + "\"updateFrequency\":null,\"deadline\":\"2025-12-31\",\"baselines\":[],"
                + "\"target\":{\"kind\":\"SHARE\",\"comparator\":\"AT_LEAST\",\"percent\":60}}";
        PlanDocument document = PlanDocumentReader.read(JSON.readValue(PLAN_WITH + criterion + "]}]}", JsonNode.class));

        assertThat(document.goals().get(0).successCriteria().get(0).targets()).hasSize(1);
        assertThat(PlanDocumentWriter.toJson(document)).contains("\"successCriteria\":[" + criterion + "]").doesNotContain("\"targets\"");
    }

    @Test
    void severalTargetsOfOneCriterionAreKeptEachWithItsOwnIndicatorAndDeadline() throws IOException {
        JsonNode plan = JSON.readValue(PLAN_WITH + "{\"text\":\"Mindst 120 personer i jobrotation; desuden 40 borgere i fleksjob\","
                + "\"deadline\":\"2025-12-31\",\"targets\":["
                + "{\"kind\":\"COUNT\",\"comparator\":\"AT_LEAST\",\"count\":120,\"indicator\":\"Personer i jobrotation\"},"
                + "{\"kind\":\"COUNT\",\"comparator\":\"AT_LEAST\",\"count\":40,\"indicator\":\"Borgere i fleksjob\",\"deadline\":\"2025-06\"}"
                + "]}]}]}", JsonNode.class);

        PlanDocument document = PlanDocumentReader.read(plan);
        var criterion = document.goals().get(0).successCriteria().get(0);
        String written = PlanDocumentWriter.toJson(document);

        assertThat(criterion.targets()).extracting(t -> TargetWording.describe(t)).containsExactly(
                "Mindst 120 (personer i jobrotation)", "Mindst 40 (borgere i fleksjob, senest juni 2025)");
        assertThat(criterion.deadlineOf(criterion.targets().get(0)).toString()).isEqualTo("2025-12-31");
        assertThat(criterion.lastDeadline().toString()).isEqualTo("2025-12-31");
        assertThat(TargetWording.describe(criterion.targets()))
                .isEqualTo("Mindst 120 (personer i jobrotation); mindst 40 (borgere i fleksjob, senest juni 2025)");
        assertThat(written).contains("\"targets\":[{\"kind\":\"COUNT\",\"comparator\":\"AT_LEAST\",\"count\":120,"
                        + "\"indicator\":\"Personer i jobrotation\"},{\"kind\":\"COUNT\",\"comparator\":\"AT_LEAST\",\"count\":40,"
                        + "\"indicator\":\"Borgere i fleksjob\",\"deadline\":\"2025-06\"}]")
                .doesNotContain("\"target\":");
        assertThat(written).isEqualTo(JSON.writeValueAsString(PlanDocumentWriter.write(document)));
        assertThat(PlanDocumentReader.read(JSON.readValue(written, JsonNode.class))).isEqualTo(document);
    }

    @Test
    void targetAndTargetsTogetherAreRefusedWithThePath() throws IOException {
        JsonNode plan = JSON.readValue(PLAN_WITH + "{\"text\":\"A\",\"target\":{\"kind\":\"NARRATIVE\"},"
                + "\"targets\":[{\"kind\":\"NARRATIVE\"},{\"kind\":\"NARRATIVE\"}]},"
                + "{\"text\":\"B\",\"targets\":[]},"
                + "{\"text\":\"C\",\"targets\":[{\"kind\":\"SHARE\",\"comparator\":\"AT_LEAST\",\"percent\":75},{\"kind\":\"COUNT\",\"percent\":3}]},"
                + "{\"text\":\"D\"}]}]}", JsonNode.class);

        assertThatThrownBy(() -> PlanDocumentReader.read(plan)).isInstanceOfSatisfying(PlanDocumentReader.Invalid.class,
                invalid -> assertThat(invalid.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactlyInAnyOrder(
                        "goals[0].successCriteria[0].targets: angiv enten target (ét måltal) eller targets (flere måltal), ikke begge",
                        "goals[0].successCriteria[1].targets: skal have mindst ét måltal",
                        "goals[0].successCriteria[2].targets[1].comparator: skal udfyldes",
                        "goals[0].successCriteria[2].targets[1].percent: ukendt felt; se docs/plan-document.md for formatets felter",
                        "goals[0].successCriteria[3].target: skal udfyldes"));
    }

    /**
     * Reading is strict for every kind of object the format has: an unknown field in any of them (the top level, the
     * foreword and its signature, every kind of block, the ambition, a goal, an initiative, a section, a criterion, a
     * status figure, a target, one of several targets, the layout) is refused at its path. Goals once escaped.
     */
    @Test
    void anUnknownFieldInAnyObjectIsRefusedAtItsPath() throws IOException {
        Map<String, Object> doc = PlanDocumentOptionalPartsTest.document(); // foreword, bullets, figure, initiatives, layout
        Map<String, Object> more = JSON.readValue("""
                {"committeeName": "Udvalget",
                 "foreword": {"heading": "Forord", "blocks": [{"type": "heading", "text": "Kort"}],
                              "signature": {"name": "Borgmester", "role": "Borgmester", "party": "A", "date": "Januar 2026"}},
                 "introduction": [{"type": "table", "caption": null, "columns": ["A", "B"], "rows": [["1", "2"]]}],
                 "ambition": {"heading": null, "introduction": [{"type": "paragraph", "text": "Vi vil"}], "statements": ["Flere i job"]},
                 "overallSuccessCriteria": [{"text": "Flere i job", "deadline": "2026-12",
                     "baselines": [{"label": "Status 2025", "date": "2025-12", "value": 96, "unit": "COUNT"}],
                     "target": {"kind": "COUNT", "comparator": "AT_LEAST", "count": 120}}],
                 "goalsIntroduction": [{"type": "paragraph", "text": "Målene"}],
                 "sections": [{"heading": "Bilag", "placement": "APPENDIX", "blocks": [{"type": "paragraph", "text": "Tekst"}]}],
                 "overviewIntroduction": [{"type": "paragraph", "text": "Oversigt"}]}""", Map.class);
        doc.putAll(more);
        List<Object> goals = new ArrayList<>((List<?>) doc.get("goals"));
        goals.add(JSON.readValue("""
                {"kind": "NATIONAL", "nationalGoal": "2022-1", "label": "Mål 3", "title": "Opkvalificering",
                 "successCriteria": [{"text": "To mål", "baselines": [{"value": 31, "unit": "COUNT", "targetNumber": 2}],
                     "targets": [{"kind": "COUNT", "comparator": "AT_LEAST", "count": 120, "indicator": "Personer"},
                                 {"kind": "SHARE", "comparator": "AT_LEAST", "percent": 12, "deadline": "2026-06"}]}],
                 "sections": [{"heading": "Opfølgning", "blocks": [{"type": "paragraph", "text": "Halvårligt"}]}]}""", Map.class));
        doc.put("goals", goals);
        assertThat(PlanDocumentReader.read(JSON.readValue(JSON.writeValueAsString(doc), JsonNode.class))).isNotNull();

        List<String> expected = new ArrayList<>();
        Object withUnknown = withUnknownField(doc, "", expected);

        assertThat(expected).hasSizeGreaterThan(25).hasSizeLessThan(200) // below the reader's cap on problems
                .contains("x9", "goals[0].x9", "goals[1].x9", "goals[2].x9", "layout.x9", "foreword.signature.x9",
                        "goals[0].introduction[2].x9", "goals[2].successCriteria[0].targets[1].x9");
        assertThatThrownBy(() -> PlanDocumentReader.read(JSON.readValue(JSON.writeValueAsString(withUnknown), JsonNode.class)))
                .isInstanceOfSatisfying(PlanDocumentReader.Invalid.class, invalid -> assertThat(invalid.problems())
                        .allSatisfy(p -> assertThat(p.message()).startsWith("ukendt felt"))
                        .extracting(PlanDocumentReader.Problem::path).containsExactlyInAnyOrderElementsOf(expected));
    }

    /** A copy of the tree with the field {@code x9} added to every object; each one's path is noted. */
    private static Object withUnknownField(Object node, String path, List<String> paths) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put((String) key, withUnknownField(value, path.isEmpty() ? (String) key : path + "." + key, paths)));
            copy.put("x9", "ukendt");
            paths.add(path.isEmpty() ? "x9" : path + ".x9");
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(withUnknownField(list.get(i), path + "[" + i + "]", paths));
            }
            return copy;
        }
        return node;
    }

    private static PlanDocument read(String resource) throws IOException {
        try (InputStream in = PlanDocumentJsonTest.class.getResourceAsStream(resource)) {
            return PlanDocumentReader.read(JSON.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), JsonNode.class));
        }
    }
}
