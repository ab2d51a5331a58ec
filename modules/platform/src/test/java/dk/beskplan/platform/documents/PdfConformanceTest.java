package dk.beskplan.platform.documents;

import dk.beskplan.platform.testing.PdfConformance;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every PDF the renderer makes is PDF/A-2a and PDF/UA-1 (veraPDF finds no failed rule), tagged (headings, lists,
 * tables with header cells, figures with their text alternative), in Danish, with its title shown and an outline,
 * and its text extracts as plain letters: no ligature characters (docs/adr/0022).
 */
class PdfConformanceTest {
    private static final DocumentRenderer RENDERER = new DocumentRenderer(new TemplateEngine(), 1, 2, Duration.ofMinutes(2));

    /** A document with everything the document templates use: headings, lists, tables, an image, an SVG chart, a page footer. */
    static String html() {
        return "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"/><title>Beskæftigelsesplan 2026 – Holbæk Kommune</title>"
                + "<style>@page { size: A4; margin: 20mm; @bottom-center { content: counter(page) \" / \" counter(pages);"
                + " font-family: Dokument, sans-serif; font-size: 9pt; color: #444; } }"
                + " body { font-family: Dokument, 'DejaVu Sans', sans-serif; } th { background: #e8eef5; }"
                + " .light { display: inline-block; padding: 1px 8px; border-radius: 9px; border: 1px solid #1b1b1b; background: #b7e1c1; }"
                + " .goal { page-break-before: always; } main { display: block; }</style></head><body><main>"
                + "<img src=\"data:image/png;base64," + png() + "\" alt=\"Holbæk Kommunes logo\"/>"
                + "<img src=\"data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(SVG_LOGO.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\" alt=\"Holbæk Kommunes våbenskjold\" style=\"width: 20mm\"/>"
                + "<h1>Beskæftigelsesplan 2026</h1><p>Holbæk Kommune</p>"
                + "<h2>Forord</h2><p>Flere borgere skal være kvalificerede og finde effektive, officielle tilbud – "
                + "også i fleksjob. Afklaring ≥ 75 % ¹²³ → ✓.</p>"
                + "<h3>Indsatser</h3><ul><li>Kvalificeret arbejdskraft</li><li>Virksomhedsfokus</li></ul>"
                + "<section class=\"goal\"><h2>Mål 1: Flere i job</h2>"
                + "<table><caption>Succeskriterier</caption><thead><tr><th scope=\"col\">Mål</th><th scope=\"col\">Værdi</th></tr></thead>"
                + "<tbody><tr><td>Andel i job</td><td>45,2</td></tr><tr><td>Tilfredshed</td><td>72</td></tr></tbody></table>"
                + "<table><tr><th scope=\"row\">Målt værdi</th><td>71,4</td></tr><tr><th scope=\"row\">Vurdering</th>"
                + "<td><span class=\"light\">Nået</span></td></tr></table>"
                + "<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"80\" viewBox=\"0 0 200 80\""
                + " role=\"img\" aria-label=\"Udvikling for 1a: 2025 70; 2026 72.\"><title>Udvikling for 1a</title>"
                + "<line x1=\"10\" y1=\"70\" x2=\"190\" y2=\"70\" stroke=\"#555\"/><polyline fill=\"none\" stroke=\"#004b87\""
                + " stroke-width=\"2\" points=\"10,60 190,20\"/><text x=\"10\" y=\"78\" font-size=\"10\">2025</text></svg></div>"
                + "</section></main></body></html>";
    }

    private static final String SVG_LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\" viewBox=\"0 0 40 40\">"
            + "<circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"#003a6b\" fill-opacity=\"0.6\"/></svg>";

    /** A PNG with transparency (an alpha channel), as logos often are. */
    private static String png() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        image.setRGB(3, 3, 0x80003a6b);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(image, "png", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theRenderedPdfIsPdfA2aAndPdfUa1() {
        byte[] pdf = RENDERER.pdf(html());
        PdfConformance.assertConforms("rendered document", pdf);
    }

    /** The check is not empty: openhtmltopdf's plain output (as Beskplan rendered before) fails both profiles. */
    @Test
    void aPlainPdfFailsTheCheck() throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            com.openhtmltopdf.pdfboxout.PdfRendererBuilder builder = new com.openhtmltopdf.pdfboxout.PdfRendererBuilder();
            builder.withW3cDocument(new org.jsoup.helper.W3CDom().fromJsoup(org.jsoup.Jsoup.parse(html())), "/");
            builder.toStream(out);
            builder.run();
            Map<String, List<String>> failed = PdfConformance.failedRules(out.toByteArray());
            assertThat(failed.get("2a")).anyMatch(rule -> rule.startsWith("6.6.2.1-1")); // no XMP metadata
            assertThat(failed.get("ua1")).anyMatch(rule -> rule.startsWith("7.1-11"));  // no structure tree
        }
    }

    /** HTML archived by an older version, without a language or a title: the PDF is Danish and titled by its heading. */
    @Test
    void aBareDocumentIsMadeDanishAndTitledByItsHeading() throws IOException {
        byte[] pdf = RENDERER.pdf("<html><h1>Status 2026</h1><p>Flere langtidsledige er kommet i job.</p></html>");
        PdfConformance.assertConforms("bare document", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("da");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Status 2026");
        }
    }

    @Test
    void itsTextExtractsAsPlainLetters() {
        String text = PdfConformance.text(RENDERER.pdf(html()));
        assertThat(PdfConformance.ligatures(text)).as("ligature characters in the extracted text").isEmpty();
        assertThat(text).contains("kvalificerede").contains("effektive").contains("officielle").contains("fleksjob")
                .contains("Kvalificeret").contains("≥ 75 %");
    }

    /**
     * A word too wide for its table column breaks at a Danish syllable with a hyphen drawn (docs/adr/0025), and words
     * that are not broken extract without soft hyphens; the PDF stays PDF/A-2a and PDF/UA-1.
     */
    @Test
    void aNarrowColumnBreaksWordsAtDanishSyllablesWithAHyphen() {
        byte[] pdf = RENDERER.pdf("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"/><title>Smal kolonne</title>"
                + "<style>body { font-family: Dokument, sans-serif; font-size: 11pt; } td, th { border: 1px solid #555; }"
                + " .smal { width: 22mm; }</style></head><body><h1>Smal kolonne</h1>"
                + "<table><caption>Ansvar</caption><thead><tr><th scope=\"col\" class=\"smal\">Ansvarlig</th><th scope=\"col\">Indsats</th></tr></thead>"
                + "<tbody><tr><td class=\"smal\">Beskæftigelsesministeriets</td><td>Flere borgere i job</td></tr></tbody></table>"
                + "<p>Kvalificeret arbejdskraft og virksomhedsservice.</p></body></html>");
        PdfConformance.assertConforms("narrow column", pdf);
        String text = PdfConformance.text(pdf);
        assertThat(text).as("no soft hyphen left in the text").doesNotContain("\u00AD");
        String column = text.replaceAll("(?s).*?(Be[a-zæ-]*\\R(?:[a-zæ-]*\\R)*?[a-zæ]*ets).*", "$1");
        List<String> lines = List.of(column.split("\\R"));
        assertThat(lines).as("the word breaks over lines of the narrow column: " + lines).hasSizeGreaterThan(1);
        assertThat(String.join("", lines).replace("-", "")).isEqualTo("Beskæftigelsesministeriets");
        String[] syllables = {"Be", "skæf", "ti", "gel", "ses", "mi", "ni", "ste", "ri", "ets"};
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertThat(line).as("a broken line ends with a hyphen").endsWith("-");
            String word = String.join("", lines).replace("-", "");
            String before = String.join("", lines.subList(0, lines.indexOf(line) + 1)).replace("-", "");
            assertThat(boundaries(syllables)).as(before + " ends at a Danish syllable of " + word).contains(before.length());
        }
        assertThat(text).contains("Kvalificeret arbejdskraft og virksomhedsservice.");
    }

    private static List<Integer> boundaries(String[] syllables) {
        List<Integer> at = new ArrayList<>();
        int length = 0;
        for (String syllable : syllables) {
            length += syllable.length();
            at.add(length);
        }
        return at;
    }

    @Test
    void itIsTaggedInDanishWithItsTitleShownAndAnOutline() throws IOException {
        try (PDDocument document = Loader.loadPDF(RENDERER.pdf(html()))) {
            var catalog = document.getDocumentCatalog();
            assertThat(catalog.getLanguage()).isEqualTo("da");
            assertThat(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked()).as("marked (tagged) PDF").isTrue();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).as("DisplayDocTitle").isTrue();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Beskæftigelsesplan 2026 – Holbæk Kommune");
            // The description PDF/UA asks for: the title, where the HTML names no subject of its own.
            assertThat(document.getDocumentInformation().getSubject()).isEqualTo("Beskæftigelsesplan 2026 – Holbæk Kommune");
            assertThat(new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<dc:description>");
            assertThat(catalog.getDocumentOutline()).as("bookmarks").isNotNull();
            List<String> outline = new ArrayList<>();
            catalog.getDocumentOutline().children().forEach(item -> {
                outline.add(item.getTitle());
                item.children().forEach(child -> outline.add(child.getTitle()));
            });
            assertThat(outline).contains("Beskæftigelsesplan 2026", "Forord", "Mål 1: Flere i job");

            List<String> tags = new ArrayList<>();
            List<String> alternatives = new ArrayList<>();
            collect(catalog.getStructureTreeRoot(), tags, alternatives);
            assertThat(tags).contains("H1", "H2", "H3", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Caption", "Figure");
            var resources = document.getPage(0).getResources();
            assertThat(resources.getXObjectNames()).as("the logo, an image on the first page")
                    .anySatisfy(name -> assertThat(resources.isImageXObject(name)).isTrue());
            assertThat(alternatives).contains("Holbæk Kommunes logo", "Holbæk Kommunes våbenskjold", "Udvikling for 1a: 2025 70; 2026 72.");
        }
    }

    /**
     * A municipality's look (docs/adr/0026): another colour and font, and the PDF stays PDF/A-2a and PDF/UA-1, with the
     * chosen font embedded (and no other) and the colours drawn.
     */
    @Test
    void aMunicipalitysLookKeepsThePdfConformingWithItsFontEmbeddedAndItsColoursDrawn() {
        DocumentLook look = new DocumentLook("#8b1a1a", "#1f4e3d", DocumentLook.Font.DEJAVU_SERIF);
        String html = html().replace("</style>", "</style><style>" + look.css() + "</style>");
        byte[] pdf = RENDERER.pdf(html);
        PdfConformance.assertConforms("document in a municipality's look", pdf);
        assertThat(PdfConformance.fonts(pdf)).isNotEmpty().allMatch(font -> font.contains("DejaVuSerif") && !font.contains("not embedded"));
        assertThat(PdfConformance.colours(pdf)).as("heading and table header colours").contains("#8b1a1a", "#1f4e3d", "#ffffff");
        assertThat(PdfConformance.text(pdf)).as("the page numbers stay").contains("1 / 2", "2 / 2");
        assertThat(PdfConformance.colours(RENDERER.pdf(html()))).as("the default look").contains("#e8eef5").doesNotContain("#8b1a1a");
        assertThat(PdfConformance.fonts(RENDERER.pdf(html()))).allMatch(font -> font.contains("DejaVuSans"));
    }

    private static void collect(PDStructureNode node, List<String> tags, List<String> alternatives) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                tags.add(element.getStructureType());
                if (element.getAlternateDescription() != null) {
                    alternatives.add(element.getAlternateDescription());
                }
                collect(element, tags, alternatives);
            }
        }
    }
}
