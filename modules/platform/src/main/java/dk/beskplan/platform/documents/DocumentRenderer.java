package dk.beskplan.platform.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import com.openhtmltopdf.util.XRLog;
import jakarta.inject.Singleton;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Element;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders a document template (plans, protocols, status reports) to HTML and to PDF from the same
 * template, in Danish. The PDF comes from the HTML via openhtmltopdf: no hand-written PDF code. Inline SVG is
 * drawn too (Batik), so a chart on the page is the same chart in the PDF. Every PDF is PDF/A-2a and PDF/UA-1
 * (docs/adr/0022): tagged from the HTML's structure, Danish, titled, with an outline and an sRGB output intent.
 * <p>
 * A PDF is the costliest thing a request can ask for (seconds of CPU, hundreds of megabytes for a large plan), so
 * PDFs are rendered on a pool of few threads with a short queue and a time budget (docs/security.md, "Limits"): when
 * the queue is full, or the render takes longer than the budget, the request is answered 503 with Retry-After at
 * once instead of piling up. A render whose request gave up is dropped if it has not started; one already running
 * finishes (openhtmltopdf cannot be interrupted) but never holds more than its slot, and the plan limits bound how
 * long it runs.
 */
@Singleton
public class DocumentRenderer {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DocumentRenderer.class);
    public static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final long RETRY_AFTER_SECONDS = 30;
    private final TemplateEngine templates;
    private final ThreadPoolExecutor renders;
    private final Duration budget;
    private final Map<String, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();

    public DocumentRenderer(TemplateEngine templates,
                            @Value("${beskplan.documents.concurrent-renders:2}") int concurrentRenders,
                            @Value("${beskplan.documents.render-queue:8}") int queue,
                            @Value("${beskplan.documents.render-budget:60s}") Duration budget) {
        this.templates = templates;
        this.budget = budget;
        // openhtmltopdf logs through java.util.logging, at INFO, what it loads for every PDF (fonts, CSS): warnings only.
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
        // Its CSS parser warns, for every PDF, of properties it does not know that the templates set for browsers
        // (overflow-wrap beside word-wrap): errors only from the parser.
        XRLog.setLevel(XRLog.CSS_PARSE, java.util.logging.Level.SEVERE);
        AtomicInteger number = new AtomicInteger();
        this.renders = new ThreadPoolExecutor(concurrentRenders, concurrentRenders, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queue)), task -> {
            Thread thread = new Thread(task, "pdf-render-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        renders.shutdownNow();
    }

    public String html(String template, Map<String, Object> model) {
        return templates.process(template, new Context(DANISH, model));
    }

    public byte[] pdf(String template, Map<String, Object> model) {
        return pdf(html(template, model));
    }

    /** The PDF of the HTML, rendered in a render slot within the time budget, or {@link RenderBusy}. */
    public byte[] pdf(String html) {
        return inSlot(() -> render(html));
    }

    /** Runs the work in a render slot and waits at most the time budget for it. */
    <T> T inSlot(Callable<T> work) {
        Future<T> render;
        try {
            render = renders.submit(work);
        } catch (RejectedExecutionException full) {
            throw new RenderBusy("Der dannes mange PDF-dokumenter lige nu. Prøv igen om et øjeblik.", RETRY_AFTER_SECONDS);
        }
        try {
            return render.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            render.cancel(true);
            throw new RenderBusy("PDF-dokumentet kunne ikke dannes inden for " + budget.toSeconds() + " sekunder."
                    + " Prøv igen om lidt.", RETRY_AFTER_SECONDS);
        } catch (InterruptedException e) {
            render.cancel(true);
            Thread.currentThread().interrupt();
            throw new RenderBusy("PDF-dokumentet blev ikke færdigt.", RETRY_AFTER_SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof OutOfMemoryError) {
                // The render's objects are gone with its thread's stack; the instance goes on. Logged for the operator:
                // the heap is smaller than the largest documents need (docs/operations.md, "Memory").
                LOG.error("A PDF could not be rendered: the heap is full ({} MiB at most)",
                        Runtime.getRuntime().maxMemory() / (1024 * 1024), e.getCause());
                throw new RenderBusy("Der var ikke hukommelse nok til at danne PDF-dokumentet. Prøv igen om lidt;"
                        + " sker det igen, så kontakt driften.", RETRY_AFTER_SECONDS, true);
            }
            throw new IllegalStateException("the PDF could not be rendered", e.getCause());
        }
    }

    /** Renders running and waiting now (for tests and metrics). */
    int busy() {
        return renders.getActiveCount() + renders.getQueue().size();
    }

    /**
     * A frozen document's PDF, rendered once: the stored bytes if there are any; otherwise rendered (one render per
     * key however many requests ask at the same moment), stored, and served. A frozen document never changes, so
     * asking for it again, by anyone, costs a read instead of a render.
     */
    public byte[] pdfOnce(String key, Supplier<Optional<byte[]>> stored, Supplier<String> html, Consumer<byte[]> store) {
        Optional<byte[]> found = stored.get();
        if (found.isPresent()) {
            return found.get();
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join(); // another request renders it; the same bytes (or the same refusal) for both
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            byte[] pdf = stored.get().orElseGet(() -> {
                byte[] rendered = pdf(html.get());
                store.accept(rendered);
                return rendered;
            });
            mine.complete(pdf);
            return pdf;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private byte[] render(String html) {
        // openhtmltopdf wants a well-formed DOM; jsoup turns HTML5 into one.
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(forPdf(Jsoup.parse(html)));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(pdf); // the document the fonts are loaded into (embedFonts)
            builder.useFastMode();
            // PDF/A-2a and PDF/UA-1 (docs/adr/0022): tagged, in the language of <html lang>, titled by <title>,
            // every colour in an embedded sRGB profile; every font is embedded already (embedFonts).
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_A);
            builder.usePdfUaAccessbility(true);
            builder.useColorProfile(SRGB);
            // Inline <svg> (charts in status reports) is drawn as vector graphics, not dropped.
            builder.useSVGDrawer(new com.openhtmltopdf.svgsupport.BatikSVGDrawer());
            embedFonts(builder, pdf);
            builder.withW3cDocument(dom, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the PDF needs beyond the HTML, added to the parsed copy only (the HTML itself, stored and served, stays as
     * it is): a language, a title and a subject where a document (an older, archived one) lacks them, the text alternative of every
     * inline SVG, an outline (docs/adr/0022), and soft hyphens in long Danish words (docs/adr/0025).
     */
    static org.jsoup.nodes.Document forPdf(org.jsoup.nodes.Document html) {
        if (html.selectFirst("html").attr("lang").isBlank()) {
            html.selectFirst("html").attr("lang", DANISH.getLanguage());
        }
        if (html.title().isBlank()) {
            Element heading = html.body().selectFirst("h1, h2");
            html.title(heading != null ? heading.text() : "Beskplan");
        }
        // PDF/UA asks for a description in the metadata; openhtmltopdf writes <meta name="subject"> as the document's
        // Subject and its XMP dc:description.
        if (html.head().selectFirst("meta[name=subject]") == null) {
            html.head().appendElement("meta").attr("name", "subject").attr("content", html.title());
        }
        // openhtmltopdf reads a figure's alternative from alt; an SVG chart carries it as aria-label, or as its <title>.
        for (Element svg : html.select("svg:not([alt])")) {
            String alternative = svg.hasAttr("aria-label") ? svg.attr("aria-label") : svg.select("> title").text();
            if (!alternative.isBlank()) {
                svg.attr("alt", alternative);
            }
        }
        if (html.head().selectFirst("bookmarks") == null) {
            outline(html);
        }
        // Soft hyphens at Danish syllable boundaries (docs/adr/0025), after the outline took the headings' plain text.
        DanishHyphenation.hyphenate(html.body());
        return html;
    }

    /** Bookmarks of the headings h1 to h3, nested by level (openhtmltopdf's {@code <bookmarks>} in the head). */
    private static void outline(org.jsoup.nodes.Document html) {
        Element bookmarks = html.head().appendElement("bookmarks");
        Deque<Element> open = new ArrayDeque<>();
        Deque<Integer> levels = new ArrayDeque<>();
        int number = 0;
        for (Element heading : html.body().select("h1, h2, h3")) {
            String name = heading.text().strip();
            if (name.isEmpty()) {
                continue;
            }
            while (heading.id().isEmpty()) {
                String id = "overskrift-" + ++number;
                if (html.getElementById(id) == null) {
                    heading.id(id);
                }
            }
            int level = heading.tagName().charAt(1) - '0';
            while (!levels.isEmpty() && levels.peek() >= level) {
                levels.pop();
                open.pop();
            }
            open.push((open.isEmpty() ? bookmarks : open.peek()).appendElement("bookmark")
                    .attr("name", name).attr("href", "#" + heading.id()));
            levels.push(level);
        }
    }

    /** The output intent of every PDF: the JDK's own sRGB profile (PDF/A needs one, and every colour here is sRGB). */
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /**
     * Document templates name the family "Dokument"; its faces are DejaVu Sans. A municipality's look may choose another
     * of {@link DocumentLook.Font} (docs/adr/0026), registered under its own family. Only the faces a document uses are
     * embedded (as subsets) in its PDF.
     */
    public static final String FONT_FAMILY = "Dokument";
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    private static void embedFonts(PdfRendererBuilder builder, PDDocument pdf) {
        for (DocumentLook.Font font : DocumentLook.Font.values()) {
            List<String> files = font.files();
            font(builder, pdf, files.get(0), font.family(), 400, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, pdf, files.get(1), font.family(), 700, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, pdf, files.get(2), font.family(), 400, BaseRendererBuilder.FontStyle.ITALIC);
            font(builder, pdf, files.get(3), font.family(), 700, BaseRendererBuilder.FontStyle.ITALIC);
        }
    }

    /** A face, loaded into the document only if the document uses it (openhtmltopdf asks the supplier lazily). */
    private static void font(PdfRendererBuilder builder, PDDocument pdf, String file, String family, int weight,
                             BaseRendererBuilder.FontStyle style) {
        builder.useFont(new PDFontSupplier(null) {
            @Override
            public PDFont supply() {
                try {
                    return PDType0Font.load(pdf, parsed(file), true); // embedded as a subset of the glyphs used
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, family, weight, style, true);
    }

    /**
     * The parsed font file, parsed once per render thread instead of once per PDF (parsing was a twentieth of a
     * render; docs/performance.md). Per thread because a parsed font reads its glyphs from one shared stream while it
     * is embedded. Its glyph substitutions (GSUB) are off: for the Latin text of these documents they only form
     * ligatures, which a PDF's text must not contain (docs/adr/0022), and applying them to every run of text cost a
     * fifth of a render.
     */
    private static TrueTypeFont parsed(String file) throws IOException {
        Map<String, TrueTypeFont> fonts = PARSED_FONTS.get();
        TrueTypeFont font = fonts.get(file);
        if (font == null) {
            try (InputStream in = DocumentRenderer.class.getResourceAsStream(FONTS + file)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the classpath: " + FONTS + file);
                }
                font = new TTFParser().parse(new RandomAccessReadBuffer(in));
            }
            font.setEnableGsub(false);
            fonts.put(file, font);
        }
        return font;
    }

    private static final ThreadLocal<Map<String, TrueTypeFont>> PARSED_FONTS = ThreadLocal.withInitial(HashMap::new);
}
