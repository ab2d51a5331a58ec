package dk.beskplan.drafting.document;

import dk.beskplan.drafting.application.PlanDocumentView;
import dk.beskplan.drafting.web.pages.BlockText;
import dk.beskplan.plandocument.FigureImage;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.PlanDocumentReader;
import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.platform.documents.DocumentRenderer;
import dk.beskplan.platform.testing.PdfConformance;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where plans are silent the document is too (issue 17, item 4): no committee, goals without a label (headed by their
 * title alone), initiatives without a heading, the foreword's own heading, no overview appendix; and what plans print
 * that the format lacked: a list's lead-in sentence and a figure, which renders with its text alternative on the page
 * and tagged as a Figure in the PDF/A-2a and PDF/UA-1 PDF.
 */
class PlanDocumentOptionalPartsTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final DocumentRenderer RENDERER = new DocumentRenderer(ReferencePlansTest.templates(), 1, 4, java.time.Duration.ofSeconds(60));
    private static final String ALT = "Søjlediagram: ledigheden i Holbæk faldt fra 4,1 pct. i 2019 til 2,9 pct. i 2024";

    /** A plan that names no committee and does not number its goals, with a lead-in, a figure and the mayor's foreword. */
    static Map<String, Object> document() {
        Map<String, Object> figure = new HashMap<>();
        figure.put("type", "figure");
        figure.put("image", "data:image/png;base64," + png());
        figure.put("caption", "Figur 1: Ledigheden 2019–2024");
        figure.put("alt", ALT);
        Map<String, Object> bullets = Map.of("type", "bullets", "leadIn", "Det betyder, at jobcentret vil:",
                "items", List.of("tale med flere virksomheder", "følge hver borger tæt"));
        Map<String, Object> goal = new HashMap<>(Map.of("kind", "LOCAL", "title", "Flere i job",
                "introduction", List.of(Map.of("type", "paragraph", "text", "Flere skal i job."), bullets, figure),
                "initiativesHeading", "",
                "initiatives", List.of(Map.of("title", "Virksomhedsservice", "blocks", List.of(Map.of("type", "paragraph", "text", "Tæt kontakt."))))));
        Map<String, Object> foreword = Map.of("heading", "Borgmesterens forord",
                "blocks", List.of(Map.of("type", "paragraph", "text", "Vi har en ambitiøs plan.")));
        Map<String, Object> doc = new HashMap<>(Map.of("schemaVersion", 1, "municipality", "316", "municipalityName", "Holbæk Kommune",
                "fromYear", 2026, "toYear", 2026, "title", "Beskæftigelsesplan 2026"));
        doc.put("foreword", foreword);
        doc.put("goals", List.of(goal, Map.of("kind", "LOCAL", "label", "", "title", "Flere unge i uddannelse")));
        doc.put("layout", Map.of("omitOverview", true));
        return doc;
    }

    @Test
    void theSilentPartsReadAsNoneAndTheNewPartsSurviveWritingAndReading() {
        PlanDocument plan = read(document());
        assertThat(plan.committeeName()).isNull();
        assertThat(plan.goals()).extracting(g -> g.label()).containsOnlyNulls(); // a blank label is none
        assertThat(plan.goals().get(0).heading()).isEqualTo("Flere i job");
        assertThat(plan.foreword().shownHeading()).isEqualTo("Borgmesterens forord");
        assertThat(plan.layout().omitOverview()).isTrue();
        assertThat(plan.goals().get(0).introduction().get(1)).isEqualTo(new PlanDocument.Bullets("Det betyder, at jobcentret vil:",
                List.of("tale med flere virksomheder", "følge hver borger tæt")));
        PlanDocument.Figure figure = (PlanDocument.Figure) plan.goals().get(0).introduction().get(2);
        assertThat(figure.alt()).isEqualTo(ALT);
        assertThat(figure.caption()).isEqualTo("Figur 1: Ledigheden 2019–2024");

        String canonical = PlanDocumentWriter.toJson(plan);
        assertThat(PlanDocumentReader.read(parse(canonical))).isEqualTo(plan);
        assertThat(canonical).contains("\"leadIn\":\"Det betyder, at jobcentret vil:\"", "\"omitOverview\":true",
                "\"heading\":\"Borgmesterens forord\"", "\"type\":\"figure\"");
    }

    /** The additions are written only where used: the reference plans' documents, and so their hashes, stay as they were. */
    @ParameterizedTest
    @ValueSource(strings = {"holbaek-2025", "holbaek-2023", "frederikssund-2023"})
    void documentsNotUsingTheAdditionsAreWrittenAsBefore(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/demo-plans/" + name + ".json")) {
            String canonical = PlanDocumentWriter.toJson(PlanDocumentReader.read(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
            assertThat(canonical).doesNotContain("\"leadIn\"", "\"omitOverview\"", "\"figure\"")
                    .doesNotContain("\"foreword\":{\"heading\"");
        }
    }

    @Test
    void aFigureMustBeAPngOrJpegOfBoundedSizeWithATextAlternative() {
        Map<String, Object> doc = document();
        String tooLarge = "data:image/png;base64," + Base64.getEncoder().encodeToString(pngBytesOf(FigureImage.MAX_BYTES + 1));
        doc.put("introduction", List.of(
                Map.of("type", "figure", "image", "https://example.org/chart.png", "alt", "Diagram"),
                Map.of("type", "figure", "image", "data:image/gif;base64,R0lGODlhAQABAAAAACw=", "alt", "Diagram"),
                Map.of("type", "figure", "image", "data:image/png;base64,/9j/4AAQSkZJRgABAQ==", "alt", "Diagram"), // JPEG bytes
                Map.of("type", "figure", "image", "data:image/png;base64,ikl!!", "alt", "Diagram"),
                Map.of("type", "figure", "image", tooLarge, "alt", "Diagram"),
                Map.of("type", "figure", "image", "data:image/png;base64," + png()),
                Map.of("type", "figure", "image", "data:image/png;base64," + png(), "alt", "to\nlinjer")));
        assertThatThrownBy(() -> read(doc)).isInstanceOfSatisfying(PlanDocumentReader.Invalid.class, invalid ->
                assertThat(invalid.problems()).extracting(PlanDocumentReader.Problem::path).containsExactlyInAnyOrder(
                        "introduction[0].image", "introduction[1].image", "introduction[2].image", "introduction[3].image",
                        "introduction[4].image", "introduction[5].alt", "introduction[6].alt"));
        // A JPEG is as welcome as a PNG.
        doc.put("introduction", List.of(Map.of("type", "figure", "image", "data:image/jpeg;base64," + jpeg(), "alt", "Foto")));
        assertThat(read(doc).introduction()).hasSize(1);
    }

    @Test
    void theDocumentShowsWhatThePlanPrintsAndNothingItDoesNot() {
        Document html = Jsoup.parse(RENDERER.html("drafting/plan-document", PlanDocumentView.model(read(document()), null)));
        assertThat(html.select("h2").eachText()).contains("Borgmesterens forord", "Flere i job", "Flere unge i uddannelse")
                .doesNotContain("Forord").noneMatch(h -> h.contains("Mål, succeskriterier og opfølgning") || h.contains("null"));
        assertThat(html.select(".titlepage .committee")).isEmpty();
        assertThat(html.select(".goals-list p").eachText()).containsExactly("Flere i job", "Flere unge i uddannelse");
        assertThat(html.select("h3").eachText()).doesNotContain("Indsatser");
        assertThat(html.select("p.lead-in + ul").first().text()).contains("tale med flere virksomheder");
        assertThat(html.select("p.lead-in").text()).isEqualTo("Det betyder, at jobcentret vil:");
        assertThat(html.select("figure img").attr("alt")).isEqualTo(ALT);
        assertThat(html.select("figure img").attr("src")).startsWith("data:image/png;base64,");
        assertThat(html.select("figure figcaption").text()).isEqualTo("Figur 1: Ledigheden 2019–2024");
    }

    @Test
    void theFigureIsTaggedWithItsTextAlternativeInAConformingPdf() throws IOException {
        byte[] pdf = RENDERER.pdf("drafting/plan-document", PlanDocumentView.model(read(document()), null));
        PdfConformance.assertConforms("plan with a figure", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> figures = new ArrayList<>();
            collectFigures(document.getDocumentCatalog().getStructureTreeRoot(), figures);
            assertThat(figures).contains(ALT);
        }
    }

    @Test
    void theEditorsMarkupKeepsLeadInsAndFigures() {
        Map<String, Object> written = PlanDocumentWriter.write(read(document()));
        @SuppressWarnings("unchecked")
        List<?> blocks = (List<?>) ((List<Map<String, Object>>) written.get("goals")).get(0).get("introduction");
        String text = BlockText.toText(blocks);
        assertThat(text).contains("Det betyder, at jobcentret vil:\n- tale med flere virksomheder", "Figur: Figur 1: Ledigheden 2019–2024\n![" + ALT + "](data:image/png;base64,");
        assertThat(BlockText.fromText(text)).isEqualTo(blocks);
        // A paragraph that only looks like a figure or its caption stays a paragraph.
        List<Map<String, Object>> paragraphs = List.of(Map.of("type", "paragraph", "text", "Figur: se bilaget"),
                Map.of("type", "paragraph", "text", "![ikke et billede](data:x)"));
        assertThat(BlockText.fromText(BlockText.toText(paragraphs))).isEqualTo(paragraphs);
    }

    private static void collectFigures(PDStructureNode node, List<String> alternatives) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("Figure".equals(element.getStructureType()) && element.getAlternateDescription() != null) {
                    alternatives.add(element.getAlternateDescription());
                }
                collectFigures(element, alternatives);
            }
        }
    }

    private static PlanDocument read(Map<String, Object> document) {
        try {
            return PlanDocumentReader.read(parse(JSON.writeValueAsString(document)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readValue(json, JsonNode.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A small chart-like PNG. */
    private static String png() {
        BufferedImage image = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 120; x++) {
            for (int y = 0; y < 60; y++) {
                image.setRGB(x, y, y > 60 - x / 2 ? 0x003a6b : 0xffffff);
            }
        }
        return Base64.getEncoder().encodeToString(encode(image, "png"));
    }

    private static String jpeg() {
        return Base64.getEncoder().encodeToString(encode(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "jpeg"));
    }

    /** PNG bytes of at least {@code size} bytes: a valid signature followed by padding. */
    private static byte[] pngBytesOf(int size) {
        byte[] bytes = new byte[size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
