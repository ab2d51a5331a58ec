package dk.beskplan.plandocument;

import java.util.Base64;

/**
 * The image of a figure block: a {@code data:} URI holding a PNG or JPEG image (docs/plan-document.md, "Figure"). It
 * is checked as it is read, so that only an image the PDF renderer can embed, of a bounded size, is ever stored.
 */
public final class FigureImage {
    /** Bytes of one figure's image (decoded): a chart or a model at print resolution fits well. */
    public static final int MAX_BYTES = 400_000;
    /** Bytes of all the figures of a plan together: the document stays within the API's request size (2 MB). */
    public static final int MAX_BYTES_PER_PLAN = 1_000_000;
    /** Characters of the {@code data:} URI of an image at {@link #MAX_BYTES} (base64 plus the prefix). */
    public static final int MAX_URI = (MAX_BYTES + 2) / 3 * 4 + 32;

    private static final String PNG = "data:image/png;base64,";
    private static final String JPEG = "data:image/jpeg;base64,";

    private FigureImage() {
    }

    /** The image's bytes, or null when the URI is not a base64 PNG or JPEG {@code data:} URI whose bytes are that format. */
    public static byte[] bytes(String uri) {
        boolean png = uri.startsWith(PNG);
        if (!png && !uri.startsWith(JPEG)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(uri.substring(png ? PNG.length() : JPEG.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean signature = png ? bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                : bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
        return signature ? bytes : null;
    }

    /** What is wrong with the image (Danish), or null when it can be stored. */
    public static String problem(String uri) {
        byte[] bytes = bytes(uri);
        if (bytes == null) {
            return "skal være et PNG- eller JPEG-billede som data-URI (data:image/png;base64,… eller data:image/jpeg;base64,…)";
        }
        if (bytes.length > MAX_BYTES) {
            return "billedet fylder " + bytes.length + " byte; højst " + MAX_BYTES;
        }
        return null;
    }
}
