package dk.beskplan.drafting.document;

import dk.beskplan.drafting.application.PlanDocumentView;
import dk.beskplan.drafting.web.pages.BlockText;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.Goal;
import dk.beskplan.plandocument.SuccessCriterion;
import dk.beskplan.plandocument.PlanDocumentReader;
import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.platform.documents.DocumentLook;
import dk.beskplan.platform.documents.DocumentRenderer;
import dk.beskplan.platform.testing.PdfConformance;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three real plans, encoded as demo data, render as documents holding every goal title, objective,
 * initiative title and success criterion text; each of those texts is in the municipality's own published
 * plan (src/test/resources/reference-plans: the text of the PDFs), so the encoding is faithful; and every
 * free text survives the editor's text markup unchanged.
 */
class ReferencePlansTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final DocumentRenderer RENDERER = new DocumentRenderer(templates(), 2, 8, java.time.Duration.ofSeconds(60));

    @ParameterizedTest
    @ValueSource(strings = {"holbaek-2025", "holbaek-2023", "frederikssund-2023"})
    void everyGoalObjectiveInitiativeAndCriterionIsInTheRenderedDocumentAndInThePublishedPlan(String plan) throws IOException {
        PlanDocument content = PlanDocumentReader.read(read("/demo-plans/" + plan + ".json"));
        String rendered = normalise(Jsoup.parse(RENDERER.html("drafting/plan-document", PlanDocumentView.model(content, null))).text());
        String published = letters(resource("/reference-plans/" + plan + ".txt"));

        List<String> texts = texts(content);
        assertThat(texts).hasSizeGreaterThan(20);
        List<String> notRendered = texts.stream().filter(t -> !rendered.contains(normalise(t))).toList();
        assertThat(notRendered).as("texts of %s missing from the rendered document", plan).isEmpty();
        List<String> notPublished = texts.stream().filter(t -> !published.contains(letters(t))).toList();
        assertThat(notPublished).as("texts of %s that are not in the published plan", plan).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"holbaek-2025", "holbaek-2023", "frederikssund-2023"})
    void thePdfIsMadeWithItsFontsEmbedded(String plan) throws IOException {
        PlanDocument content = PlanDocumentReader.read(read("/demo-plans/" + plan + ".json"));
        byte[] pdf = RENDERER.pdf("drafting/plan-document", PlanDocumentView.model(content, null));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(5);
        }
        // Every font the text uses is embedded DejaVu: the standard PDF fonts lack characters the plans use.
        assertThat(PdfConformance.fonts(pdf)).isNotEmpty().allMatch(f -> f.contains("DejaVuSans") && !f.contains("not embedded"));
    }

    /** A municipality that set no look (docs/adr/0026) gets its plan as before, byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"holbaek-2025", "holbaek-2023", "frederikssund-2023"})
    void theDefaultLookLeavesTheHtmlAsItWas(String plan) throws IOException {
        PlanDocument content = PlanDocumentReader.read(read("/demo-plans/" + plan + ".json"));
        Map<String, Object> dressed = PlanDocumentView.model(content, null);
        dressed.put("logo", null);
        dressed.put("look", DocumentLook.DEFAULT.css());
        assertThat(RENDERER.html("drafting/plan-document", dressed))
                .isEqualTo(RENDERER.html("drafting/plan-document", PlanDocumentView.model(content, null)))
                .doesNotContain("<style></style>");
    }

    /**
     * A plan in a municipality's own look: the chosen font is the one embedded, its colours are drawn, and the plan
     * (with its look) is written to target/look-sample.pdf, its first page to target/look-sample.png and its last but one (a table)
     * to target/look-sample-table.png, to be looked at.
     */
    @org.junit.jupiter.api.Test
    void aPlanInAMunicipalitysLookUsesItsFontAndColours() throws IOException {
        PlanDocument content = PlanDocumentReader.read(read("/demo-plans/holbaek-2025.json"));
        Map<String, Object> model = PlanDocumentView.model(content, null);
        DocumentLook look = DocumentLook.of("#7a1f2b", "#2e5e4e", "DEJAVU_SERIF");
        model.put("look", look.css());
        String html = RENDERER.html("drafting/plan-document", model);
        assertThat(html).contains("h1, h2, h3, h4 { color: #7a1f2b; }", "th { background: #2e5e4e; color: #ffffff; }");
        byte[] pdf = RENDERER.pdf(html);
        PdfConformance.assertConforms("Holbæk 2025 in a municipality's look", pdf);
        assertThat(PdfConformance.fonts(pdf)).isNotEmpty().allMatch(f -> f.contains("DejaVuSerif") && !f.contains("not embedded"));
        assertThat(PdfConformance.colours(pdf)).contains("#7a1f2b", "#2e5e4e");
        assertThat(PdfConformance.text(pdf)).as("the page numbers in the footer").containsPattern("\\b2 / \\d+");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            java.nio.file.Path target = java.nio.file.Path.of("target");
            java.nio.file.Files.write(target.resolve("look-sample.pdf"), pdf);
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 80),
                    "png", target.resolve("look-sample.png").toFile());
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(
                    document.getNumberOfPages() - 2, 80), "png", target.resolve("look-sample-table.png").toFile());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"holbaek-2025", "holbaek-2023", "frederikssund-2023"})
    void everyFreeTextSurvivesTheEditorsMarkup(String plan) throws IOException {
        Map<String, Object> document = PlanDocumentWriter.write(PlanDocumentReader.read(read("/demo-plans/" + plan + ".json")));
        List<List<?>> blockLists = new ArrayList<>();
        collectBlockLists(document, blockLists);
        assertThat(blockLists).hasSizeGreaterThan(10);
        for (List<?> blocks : blockLists) {
            assertThat(BlockText.fromText(BlockText.toText(blocks))).isEqualTo(blocks);
        }
    }

    private static void collectBlockLists(Object node, List<List<?>> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (value instanceof List<?> list && List.of("introduction", "blocks", "goalsIntroduction", "overviewIntroduction").contains(key)) {
                    found.add(list);
                } else {
                    collectBlockLists(value, found);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectBlockLists(item, found));
        }
    }

    private static List<String> texts(PlanDocument content) {
        List<String> texts = new ArrayList<>();
        content.overallSuccessCriteria().forEach(c -> texts.add(c.text()));
        for (Goal g : content.goals()) {
            texts.add(g.title());
            texts.addAll(g.objectives());
            g.initiatives().stream().map(PlanDocument.Initiative::title).filter(t -> t != null).forEach(texts::add);
            g.successCriteria().stream().map(SuccessCriterion::text).forEach(texts::add);
        }
        return texts;
    }

    /** Whitespace as a browser shows it. */
    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * Only letters and digits: the published text comes from PDFs, with words broken over lines,
     * hyphenation, curly quotes and bullets where the encoding has the plain forms.
     */
    private static String letters(String text) {
        return text.toLowerCase().replaceAll("[^\\p{L}\\p{Nd}]", "");
    }

    private static JsonNode read(String path) throws IOException {
        return JSON.readValue(resource(path), JsonNode.class);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ReferencePlansTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The module's templates, as the application resolves them. */
    static TemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("views/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
