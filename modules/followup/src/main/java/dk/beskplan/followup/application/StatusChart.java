package dk.beskplan.followup.application;

import dk.beskplan.platform.text.DanishFormats;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart of one criterion's reported values over the rounds against the comparison value (the national
 * or regional average), as inline SVG: the same markup on the page, in the HTML report and, through openhtmltopdf's
 * SVG support, in the PDF. Accessible: role="img" with a text alternative listing every value; the two lines differ
 * in shape (solid with dots, dashed with squares), not in colour alone.
 */
public final class StatusChart {
    /** One point on the x axis: "2024", "H1 2025"; either value may be missing. */
    public record Point(String label, Double value, Double comparison) {
    }

    private static final int WIDTH = 360;
    private static final int HEIGHT = 150;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 42;

    private StatusChart() {
    }

    /** The chart, or null when no point has a value (then there is nothing to draw). */
    public static String svg(String title, List<Point> points, String comparisonLabel) {
        return svg(title, points, comparisonLabel, null);
    }

    /** With the target's own number as a dotted line ("Mål: 75"), when it names one. */
    public static String svg(String title, List<Point> points, String comparisonLabel, Double target) {
        if (points.stream().allMatch(p -> p.value() == null && p.comparison() == null)) {
            return null;
        }
        double min = target == null ? Double.MAX_VALUE : target;
        double max = target == null ? -Double.MAX_VALUE : target;
        for (Point p : points) {
            for (Double v : new Double[]{p.value(), p.comparison()}) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double pad = Math.max((max - min) * 0.15, Math.max(Math.abs(max) * 0.05, 0.5));
        double low = Math.max(0, min - pad);
        double high = max + pad;
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double step = points.size() > 1 ? plotWidth / (double) (points.size() - 1) : 0;
        StringBuilder alt = new StringBuilder(title).append(": ");
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"ALT\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        // Axes and the lowest and highest value on the y axis.
        svg.append(line(LEFT, TOP, LEFT, TOP + plotHeight, "#555", null));
        svg.append(line(LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight, "#555", null));
        svg.append(text(LEFT - 4, TOP + 4, "end", DanishFormats.number(high)));
        svg.append(text(LEFT - 4, TOP + plotHeight + 4, "end", DanishFormats.number(low)));
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = points.size() > 1 ? LEFT + i * step : LEFT + plotWidth / 2.0;
            svg.append(text(x, TOP + plotHeight + 16, "middle", p.label()));
            alt.append(p.label()).append(' ').append(p.value() == null ? "ingen værdi" : DanishFormats.number(p.value()));
            if (p.comparison() != null) {
                alt.append(" (").append(comparisonLabel == null ? "sammenligning" : comparisonLabel.toLowerCase(Locale.ROOT))
                        .append(' ').append(DanishFormats.number(p.comparison())).append(')');
            }
            alt.append(i + 1 < points.size() ? "; " : ".");
        }
        if (target != null) {
            double ty = TOP + plotHeight - (target - low) / (high - low) * plotHeight;
            svg.append(line(LEFT, ty, WIDTH - RIGHT, ty, "#1e6b34", "1 3"));
            svg.append(text(WIDTH - RIGHT, ty - 3, "end", "Mål: " + DanishFormats.number(target)));
            alt.append(" Målet er ").append(DanishFormats.number(target)).append('.');
        }
        svg.append(series(points, low, high, plotHeight, step, true));
        svg.append(series(points, low, high, plotHeight, step, false));
        // Legend under the axis labels.
        int ly = HEIGHT - 8;
        svg.append(line(LEFT, ly - 4, LEFT + 18, ly - 4, "#004b87", null)).append(circle(LEFT + 9, ly - 4));
        svg.append(text(LEFT + 22, ly, "start", "Målte værdier"));
        if (comparisonLabel != null && points.stream().anyMatch(p -> p.comparison() != null)) {
            svg.append(line(LEFT + 120, ly - 4, LEFT + 138, ly - 4, "#6b6b6b", "4 3")).append(square(LEFT + 129, ly - 4));
            svg.append(text(LEFT + 142, ly, "start", comparisonLabel));
        }
        svg.append("</svg>");
        return svg.toString().replace("ALT", escape(alt.toString()));
    }

    private static String series(List<Point> points, double low, double high, int plotHeight, double step, boolean measured) {
        StringBuilder path = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Double v = measured ? points.get(i).value() : points.get(i).comparison();
            if (v == null) {
                continue;
            }
            double x = points.size() > 1 ? LEFT + i * step : LEFT + (WIDTH - LEFT - RIGHT) / 2.0;
            double y = TOP + plotHeight - (v - low) / (high - low) * plotHeight;
            path.append(path.length() == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
            marks.append(measured ? circle(x, y) : square(x, y));
        }
        if (path.length() == 0) {
            return "";
        }
        String stroke = measured ? "#004b87" : "#6b6b6b";
        return "<polyline fill=\"none\" stroke=\"" + stroke + "\" stroke-width=\"2\"" + (measured ? "" : " stroke-dasharray=\"4 3\"")
                + " points=\"" + path + "\"/>" + marks;
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, String dash) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2) + "\" stroke=\"" + stroke
                + "\" stroke-width=\"" + (dash == null ? "1" : "2") + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String circle(double x, double y) {
        return "<circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"3.5\" fill=\"#004b87\"/>";
    }

    private static String square(double x, double y) {
        return "<rect x=\"" + fmt(x - 3) + "\" y=\"" + fmt(y - 3) + "\" width=\"6\" height=\"6\" fill=\"#6b6b6b\"/>";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"10\" font-family=\"Dokument, DejaVu Sans, sans-serif\""
                + " fill=\"#1b1b1b\" text-anchor=\"" + anchor + "\">" + escape(content) + "</text>";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
