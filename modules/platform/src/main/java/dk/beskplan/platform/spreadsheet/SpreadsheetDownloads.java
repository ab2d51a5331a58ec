package dk.beskplan.platform.spreadsheet;

import io.micronaut.http.HttpResponse;

/** A table's bytes as a download the browser saves under its file name, for the API and the pages alike. */
public final class SpreadsheetDownloads {
    /** The media type of an Excel workbook (.xlsx). */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    private SpreadsheetDownloads() {
    }

    public static HttpResponse<byte[]> csv(byte[] bytes, String fileName) {
        return download(bytes, CSV + "; charset=utf-8", fileName);
    }

    public static HttpResponse<byte[]> xlsx(byte[] bytes, String fileName) {
        return download(bytes, XLSX, fileName);
    }

    private static HttpResponse<byte[]> download(byte[] bytes, String contentType, String fileName) {
        return HttpResponse.ok(bytes).contentType(contentType)
                .header("Content-Disposition", "attachment; filename=\"" + fileName.replace("\"", "") + "\"");
    }
}
