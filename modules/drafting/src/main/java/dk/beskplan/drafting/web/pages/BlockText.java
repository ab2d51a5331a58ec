package dk.beskplan.drafting.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free text blocks (document shape, see docs/plan-document.md) as the plain text an official edits in a
 * text area, and back. The markup is the one people already type in e-mails:
 * <pre>
 * A paragraph; a blank line ends it.
 *
 * ## A heading
 *
 * - a bullet
 * - another bullet
 *
 * Tabel: an optional caption
 * | column | column |
 * | cell   | cell<br>second line |
 *
 * A lead-in sentence that belongs to the list:
 * - a bullet right under it (no blank line between)
 *
 * Figur: an optional caption
 * ![the text alternative](data:image/png;base64,…)
 * </pre>
 * A paragraph that happens to begin with one of the markers is written with a leading backslash, so that
 * every document survives the round trip unchanged.
 */
public final class BlockText {
    private static final String HEADING = "## ";
    private static final String BULLET = "- ";
    private static final String CAPTION = "Tabel: ";
    private static final String FIGURE_CAPTION = "Figur: ";
    private static final java.util.regex.Pattern IMAGE = java.util.regex.Pattern.compile("!\\[(.*)]\\((data:[^)\\s]*)\\)");
    /** A line break inside a table cell (the guidelines column of Frederikssund's principles table). */
    private static final String LINE_BREAK = "<br>";

    private BlockText() {
    }

    public static String toText(List<?> blocks) {
        List<String> parts = new ArrayList<>();
        for (Object o : blocks == null ? List.of() : blocks) {
            if (!(o instanceof Map<?, ?> block)) {
                continue;
            }
            String type = String.valueOf(block.get("type"));
            switch (type) {
                case "heading" -> parts.add(HEADING + block.get("text"));
                case "bullets" -> parts.add((block.get("leadIn") == null ? "" : escape(String.valueOf(block.get("leadIn"))) + "\n")
                        + String.join("\n", ((List<?>) block.get("items")).stream().map(i -> BULLET + i).toList()));
                case "figure" -> parts.add((block.get("caption") == null ? "" : FIGURE_CAPTION + block.get("caption") + "\n")
                        + "![" + block.get("alt") + "](" + block.get("image") + ")");
                case "table" -> parts.add(table(block));
                default -> parts.add(escape(String.valueOf(block.get("text"))));
            }
        }
        return String.join("\n\n", parts);
    }

    public static List<Map<String, Object>> fromText(String text) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        if (text == null) {
            return blocks;
        }
        for (String chunk : text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            List<String> lines = chunk.lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
            int i = 0;
            StringBuilder paragraph = new StringBuilder();
            while (i < lines.size()) {
                String line = lines.get(i);
                String trimmed = line.strip();
                if (trimmed.startsWith(HEADING.strip() + " ")) {
                    flush(paragraph, blocks);
                    blocks.add(block("heading", "text", trimmed.substring(HEADING.length()).strip()));
                    i++;
                } else if (IMAGE.matcher(trimmed).matches() || (trimmed.startsWith(FIGURE_CAPTION) && i + 1 < lines.size()
                        && IMAGE.matcher(lines.get(i + 1).strip()).matches())) {
                    flush(paragraph, blocks);
                    String caption = null;
                    if (trimmed.startsWith(FIGURE_CAPTION)) {
                        caption = trimmed.substring(FIGURE_CAPTION.length()).strip();
                        i++;
                    }
                    java.util.regex.Matcher image = IMAGE.matcher(lines.get(i).strip());
                    image.matches();
                    Map<String, Object> figure = new LinkedHashMap<>();
                    figure.put("type", "figure");
                    figure.put("image", image.group(2));
                    figure.put("caption", caption);
                    figure.put("alt", image.group(1));
                    blocks.add(figure);
                    i++;
                } else if (trimmed.startsWith(BULLET) || trimmed.equals("-")) {
                    // Text right above the bullets (no blank line) is the list's lead-in, not a paragraph of its own.
                    String leadIn = paragraph.length() > 0 ? paragraph.toString() : null;
                    paragraph.setLength(0);
                    List<String> items = new ArrayList<>();
                    while (i < lines.size() && (lines.get(i).strip().startsWith(BULLET) || lines.get(i).strip().equals("-"))) {
                        items.add(lines.get(i).strip().substring(1).strip());
                        i++;
                    }
                    Map<String, Object> bullets = new LinkedHashMap<>();
                    bullets.put("type", "bullets");
                    if (leadIn != null) {
                        bullets.put("leadIn", leadIn);
                    }
                    bullets.put("items", items);
                    blocks.add(bullets);
                } else if (trimmed.startsWith("|") || (trimmed.startsWith(CAPTION) && i + 1 < lines.size()
                        && lines.get(i + 1).strip().startsWith("|"))) {
                    flush(paragraph, blocks);
                    String caption = null;
                    if (trimmed.startsWith(CAPTION)) {
                        caption = trimmed.substring(CAPTION.length()).strip();
                        i++;
                    }
                    List<List<String>> rows = new ArrayList<>();
                    while (i < lines.size() && lines.get(i).strip().startsWith("|")) {
                        rows.add(cells(lines.get(i).strip()));
                        i++;
                    }
                    Map<String, Object> table = new LinkedHashMap<>();
                    table.put("type", "table");
                    table.put("caption", caption);
                    table.put("columns", rows.isEmpty() ? List.of() : rows.get(0));
                    table.put("rows", rows.size() <= 1 ? List.of() : rows.subList(1, rows.size()));
                    blocks.add(table);
                } else {
                    if (paragraph.length() > 0) {
                        paragraph.append('\n');
                    }
                    paragraph.append(trimmed.startsWith("\\") ? trimmed.substring(1) : trimmed);
                    i++;
                }
            }
            flush(paragraph, blocks);
        }
        return blocks;
    }

    private static String escape(String paragraph) {
        String first = paragraph.strip();
        boolean looksLikeMarkup = first.startsWith(HEADING) || first.startsWith(BULLET) || first.equals("-")
                || first.startsWith("|") || first.startsWith(CAPTION) || first.startsWith(FIGURE_CAPTION) || first.startsWith("![")
                || first.startsWith("\\");
        return looksLikeMarkup ? "\\" + paragraph : paragraph;
    }

    private static String table(Map<?, ?> block) {
        StringBuilder text = new StringBuilder();
        if (block.get("caption") != null) {
            text.append(CAPTION).append(block.get("caption")).append('\n');
        }
        text.append(row((List<?>) block.get("columns")));
        for (Object r : (List<?>) block.get("rows")) {
            text.append('\n').append(row((List<?>) r));
        }
        return text.toString();
    }

    private static String row(List<?> cells) {
        StringBuilder line = new StringBuilder("|");
        for (Object c : cells) {
            line.append(' ').append(String.valueOf(c).replace("|", "\\|").replace("\n", LINE_BREAK)).append(" |");
        }
        return line.toString();
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String inner = line.endsWith("|") && line.length() > 1 ? line.substring(1, line.length() - 1) : line.substring(1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip().replace(LINE_BREAK, "\n"));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip().replace(LINE_BREAK, "\n"));
        return cells;
    }

    private static void flush(StringBuilder paragraph, List<Map<String, Object>> blocks) {
        if (paragraph.length() > 0) {
            blocks.add(block("paragraph", "text", paragraph.toString()));
            paragraph.setLength(0);
        }
    }

    private static Map<String, Object> block(String type, String field, Object value) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", type);
        block.put(field, value);
        return block;
    }
}
