package dk.beskplan.platform.documents;

import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A municipality's look on its documents (plan, agenda, protocol, status report): the primary colour of headings,
 * the title page and rules, the background of table header cells, and one of the fonts embedded in every PDF
 * (docs/adr/0026). The one place that turns a look into CSS for the document templates: {@link #css()}, placed after
 * a template's own stylesheet. The default is the look the templates have themselves, and gives no CSS at all, so a
 * municipality that sets nothing gets byte for byte the documents it had.
 * <p>
 * Every look is readable (WCAG AA, 4.5:1, as PDF/UA documents must be): the primary colour against the white page,
 * and the table header colour against its text, which is the documents' dark text or white, whichever contrasts more.
 */
public record DocumentLook(String primaryColour, String tableHeaderColour, Font font) {

    /** The fonts a document may use: each one's four faces ship on the class path and are embedded in the PDF. */
    public enum Font {
        DEJAVU_SANS("DejaVu Sans", DocumentRenderer.FONT_FAMILY, "'DejaVu Sans', Helvetica, Arial, sans-serif",
                "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
        DEJAVU_SERIF("DejaVu Serif", DocumentRenderer.FONT_FAMILY + " Serif", "'DejaVu Serif', Georgia, 'Times New Roman', serif",
                "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf");

        private final String shownName;
        private final String family;
        private final String fallbacks;
        private final String regular;
        private final String bold;
        private final String italic;
        private final String boldItalic;

        Font(String shownName, String family, String fallbacks, String regular, String bold, String italic, String boldItalic) {
            this.shownName = shownName;
            this.family = family;
            this.fallbacks = fallbacks;
            this.regular = regular;
            this.bold = bold;
            this.italic = italic;
            this.boldItalic = boldItalic;
        }

        /** Its name as the settings page shows it. */
        public String shownName() {
            return shownName;
        }

        /** The family name the PDF renderer registers its faces under. */
        public String family() {
            return family;
        }

        /** The face files under the fonts folder: regular, bold, italic, bold italic. */
        List<String> files() {
            return List.of(regular, bold, italic, boldItalic);
        }

        String cssFamilies() {
            return "'" + family + "', " + fallbacks;
        }
    }

    /** The documents' dark text, and the white page. */
    static final String TEXT = "#1b1b1b";
    static final String WHITE = "#ffffff";
    /** WCAG 2.1 AA for normal text. */
    public static final double MINIMUM_CONTRAST = 4.5;

    /** Before {@link #DEFAULT}, which the constructor checks with it. */
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    public static final DocumentLook DEFAULT = new DocumentLook("#003a6b", "#e8eef5", Font.DEJAVU_SANS);

    public DocumentLook {
        primaryColour = primaryColour.toLowerCase(Locale.ROOT);
        tableHeaderColour = tableHeaderColour.toLowerCase(Locale.ROOT);
        if (!COLOUR.matcher(primaryColour).matches() || !COLOUR.matcher(tableHeaderColour).matches()) {
            throw new IllegalArgumentException("colours are #rrggbb: " + primaryColour + ", " + tableHeaderColour);
        }
    }

    /** The look as stored: a value not set (null) is the default's. */
    public static DocumentLook of(@Nullable String primaryColour, @Nullable String tableHeaderColour, @Nullable String font) {
        return new DocumentLook(primaryColour != null ? primaryColour : DEFAULT.primaryColour,
                tableHeaderColour != null ? tableHeaderColour : DEFAULT.tableHeaderColour,
                font != null ? Font.valueOf(font) : DEFAULT.font);
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The text colour of table header cells: the dark text or white, whichever contrasts more with the background. */
    public String tableHeaderText() {
        return contrast(tableHeaderColour, TEXT) >= contrast(tableHeaderColour, WHITE) ? TEXT : WHITE;
    }

    /**
     * The CSS that gives a document template this look, to follow the template's own stylesheet; null for the default
     * look (the templates' own), so its documents stay exactly as they were.
     */
    @Nullable
    public String css() {
        if (isDefault()) {
            return null;
        }
        String families = font.cssFamilies();
        return "\n    body { font-family: " + families + "; }"
                // openhtmltopdf takes a page margin box from the last rule that has it, whole: the templates' page number again.
                + "\n    @page { @bottom-center { content: counter(page) \" / \" counter(pages); font-family: " + families
                + "; font-size: 9pt; color: #444; } }"
                + "\n    h1, h2, h3, h4 { color: " + primaryColour + "; }"
                + "\n    h2 { border-bottom-color: " + primaryColour + "; }"
                + "\n    .decision, .summary { border-left-color: " + primaryColour + "; }"
                + "\n    th { background: " + tableHeaderColour + "; color: " + tableHeaderText() + "; }"
                // Row headers keep their own light background, and so the dark text.
                + "\n    th.row { color: " + TEXT + "; }\n  ";
    }

    /**
     * What is wrong with a look as given (each problem names its field): a colour not #rrggbb, a colour too pale or too
     * dark to read (below 4.5:1), a font not in the list. Empty values are the default's. The refusals are Danish.
     */
    public static List<ProblemException.FieldError> problems(@Nullable String primaryColour, @Nullable String tableHeaderColour,
                                                             @Nullable String font, String primaryField, String tableHeaderField,
                                                             String fontField) {
        List<ProblemException.FieldError> problems = new ArrayList<>();
        String primary = colour(primaryColour, primaryField, problems);
        if (primary != null) {
            double contrast = contrast(primary, WHITE);
            if (contrast < MINIMUM_CONTRAST) {
                problems.add(new ProblemException.FieldError(primaryField, "Farven " + primary + " har kun kontrasten "
                        + ratio(contrast) + " mod den hvide side. Overskrifter skal have mindst 4,5:1 (WCAG AA), så dokumenterne"
                        + " forbliver tilgængelige (PDF/UA). Vælg en mørkere farve."));
            }
        }
        String header = colour(tableHeaderColour, tableHeaderField, problems);
        if (header != null) {
            double dark = contrast(header, TEXT);
            double white = contrast(header, WHITE);
            if (Math.max(dark, white) < MINIMUM_CONTRAST) {
                problems.add(new ProblemException.FieldError(tableHeaderField, "Farven " + header + " giver kun kontrasten "
                        + ratio(dark) + " med mørk tekst og " + ratio(white) + " med hvid tekst i tabellernes overskrifter."
                        + " Der skal være mindst 4,5:1 (WCAG AA), så dokumenterne forbliver tilgængelige (PDF/UA)."
                        + " Vælg en lysere eller en mørkere farve."));
            }
        }
        if (font != null && !font.isBlank() && Arrays.stream(Font.values()).noneMatch(f -> f.name().equals(font.strip()))) {
            problems.add(new ProblemException.FieldError(fontField, "Vælg en af skrifttyperne "
                    + Arrays.stream(Font.values()).map(f -> f.name() + " (" + f.shownName() + ")").collect(Collectors.joining(", "))));
        }
        return problems;
    }

    /** A colour as given, written #rrggbb in lower case; null when empty or (with a problem) malformed. */
    @Nullable
    public static String normalColour(@Nullable String colour) {
        if (colour == null || colour.isBlank()) {
            return null;
        }
        String written = colour.strip().toLowerCase(Locale.ROOT);
        return COLOUR.matcher(written).matches() ? written : null;
    }

    @Nullable
    private static String colour(@Nullable String colour, String field, List<ProblemException.FieldError> problems) {
        String written = normalColour(colour);
        if (written == null && colour != null && !colour.isBlank()) {
            problems.add(new ProblemException.FieldError(field, "Skriv farven som # og seks hexadecimale cifre (#rrggbb),"
                    + " fx #003a6b"));
        }
        return written;
    }

    /** The WCAG 2.1 contrast ratio of two #rrggbb colours, from 1 (the same) to 21 (black on white). */
    static double contrast(String one, String other) {
        double a = luminance(one);
        double b = luminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** WCAG 2.1's relative luminance of an sRGB colour. */
    private static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** 4.48 as "4,4:1": rounded down, so a ratio just below the minimum never reads as 4,5:1. */
    private static String ratio(double contrast) {
        return String.format(Locale.ROOT, "%.1f", Math.floor(contrast * 10) / 10).replace('.', ',') + ":1";
    }
}
