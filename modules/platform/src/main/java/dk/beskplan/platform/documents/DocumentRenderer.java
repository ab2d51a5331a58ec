package dk.beskplan.platform.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.inject.Singleton;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a document template (plans, protocols, status reports) to HTML and to PDF from the same
 * template, in Danish. The PDF comes from the HTML via openhtmltopdf: no hand-written PDF code. Inline SVG is
 * drawn too (Batik), so a chart on the page is the same chart in the PDF.
 */
@Singleton
public class DocumentRenderer {
    public static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private final TemplateEngine templates;

    public DocumentRenderer(TemplateEngine templates) {
        this.templates = templates;
    }

    public String html(String template, Map<String, Object> model) {
        return templates.process(template, new Context(DANISH, model));
    }

    public byte[] pdf(String template, Map<String, Object> model) {
        return pdf(html(template, model));
    }

    public byte[] pdf(String html) {
        // openhtmltopdf wants a well-formed DOM; jsoup turns HTML5 into one.
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(html));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Inline <svg> (charts in status reports) is drawn as vector graphics, not dropped.
            builder.useSVGDrawer(new com.openhtmltopdf.svgsupport.BatikSVGDrawer());
            embedFonts(builder);
            builder.withW3cDocument(dom, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Document templates name the family "Dokument"; its faces are DejaVu Sans, embedded (subset) in the PDF. */
    public static final String FONT_FAMILY = "Dokument";
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    private static void embedFonts(PdfRendererBuilder builder) {
        font(builder, "DejaVuSans.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, "DejaVuSans-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, "DejaVuSans-Oblique.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC);
        font(builder, "DejaVuSans-BoldOblique.ttf", 700, BaseRendererBuilder.FontStyle.ITALIC);
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, BaseRendererBuilder.FontStyle style) {
        builder.useFont(() -> {
            InputStream in = DocumentRenderer.class.getResourceAsStream(FONTS + file);
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + FONTS + file);
            }
            return in;
        }, FONT_FAMILY, weight, style, true);
    }
}
