package dk.beskplan.platform.testing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PDF checked as an archive and a screen reader would take it (docs/adr/0022): veraPDF, the reference validator,
 * against PDF/A-2a and PDF/UA-1, and the text PDFBox extracts from it. A failure names every failed rule with its
 * clause and description, so the message says what to fix.
 */
public final class PdfConformance {
    /** The profiles every Beskplan PDF meets: PDF/A-2a (tagged; it includes 2u's Unicode text) and PDF/UA-1. */
    public static final List<String> FLAVOURS = List.of("2a", "ua1");

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfConformance() {
    }

    /** The rules the PDF fails, per flavour ("2a", "ua1"): "clause-test: description (n times)"; empty lists when it conforms. */
    public static Map<String, List<String>> failedRules(byte[] pdf) {
        Map<String, List<String>> failed = new LinkedHashMap<>();
        for (String flavour : FLAVOURS) {
            failed.put(flavour, failedRules(pdf, flavour));
        }
        return failed;
    }

    /** Fails, naming every failed rule per profile, unless veraPDF finds the PDF conforming to each of {@link #FLAVOURS}. */
    public static void assertConforms(String what, byte[] pdf) {
        Map<String, List<String>> failed = failedRules(pdf);
        if (failed.values().stream().anyMatch(rules -> !rules.isEmpty())) {
            StringBuilder message = new StringBuilder("veraPDF finds the " + what + " not conforming:");
            failed.forEach((flavour, rules) -> rules.forEach(rule -> message.append("\n  ").append(flavour).append(' ').append(rule)));
            throw new AssertionError(message.toString());
        }
    }

    public static List<String> failedRules(byte[] pdf, String flavourName) {
        PDFAFlavour flavour = PDFAFlavour.fromString(flavourName);
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, String> descriptions = new LinkedHashMap<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    String rule = assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber();
                    counts.merge(rule, 1, Integer::sum);
                    descriptions.putIfAbsent(rule, assertion.getMessage());
                }
            }
            List<String> failed = new ArrayList<>();
            counts.forEach((rule, n) -> failed.add(rule + ": " + descriptions.get(rule) + " (" + n + (n == 1 ? " time)" : " times)")));
            return failed;
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the PDF as " + flavourName, e);
        }
    }

    /** The PDF's text as PDFBox extracts it (what a reader copies or a search index gets). */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ligature characters (U+FB00–U+FB06, "ﬁ", "ﬂ", …) in the text: a copied "kvaliﬁceret" would not be found. */
    public static List<String> ligatures(String text) {
        List<String> found = new ArrayList<>();
        text.codePoints().filter(c -> c >= 0xFB00 && c <= 0xFB06).distinct()
                .forEach(c -> found.add(String.format("U+%04X %s", c, new String(Character.toChars(c)))));
        return found;
    }

    /** The fonts the pages use, by their name in the PDF (a subset's name is "ABCDEF+DejaVuSerif"), each marked if not embedded. */
    public static java.util.Set<String> fonts(byte[] pdf) {
        java.util.Set<String> fonts = new java.util.TreeSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    org.apache.pdfbox.pdmodel.font.PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName() + (font.isEmbedded() ? "" : " (not embedded)"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fonts;
    }

    /** The RGB colours the pages' content draws and fills with (operators rg, RG, sc, scn with three values), as #rrggbb. */
    public static java.util.Set<String> colours(byte[] pdf) {
        java.util.Set<String> colours = new java.util.TreeSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                List<Object> operands = new ArrayList<>();
                for (Object token : new org.apache.pdfbox.pdfparser.PDFStreamParser(page).parse()) {
                    if (!(token instanceof org.apache.pdfbox.contentstream.operator.Operator operator)) {
                        operands.add(token);
                        continue;
                    }
                    if (List.of("rg", "RG", "sc", "scn", "SC", "SCN").contains(operator.getName()) && operands.size() == 3
                            && operands.stream().allMatch(o -> o instanceof org.apache.pdfbox.cos.COSNumber)) {
                        StringBuilder hex = new StringBuilder("#");
                        for (Object operand : operands) {
                            hex.append(String.format("%02x", Math.round(((org.apache.pdfbox.cos.COSNumber) operand).floatValue() * 255)));
                        }
                        colours.add(hex.toString());
                    }
                    operands.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return colours;
    }
}
