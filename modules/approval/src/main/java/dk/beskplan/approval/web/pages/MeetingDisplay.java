package dk.beskplan.approval.web.pages;

import dk.beskplan.approval.application.MeetingDocuments;
import dk.beskplan.approval.application.Meetings;
import dk.beskplan.platform.text.DanishFormats;
import io.micronaut.http.HttpResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How the pages show meetings: their days written the Danish way, and their agenda or protocol as a PDF to open. */
final class MeetingDisplay {
    private MeetingDisplay() {
    }

    /** "3. marts 2026" by meeting id. */
    static Map<UUID, String> days(List<Meetings.MeetingSummary> meetings) {
        Map<UUID, String> days = new HashMap<>();
        meetings.forEach(m -> days.put(m.id(), DanishFormats.date(m.date())));
        return days;
    }

    /** The agenda ({@code protocol} false) or decision protocol as a PDF shown in the browser, named by kind and day. */
    static HttpResponse<byte[]> pdf(MeetingDocuments documents, Meetings.MeetingView view, boolean protocol, String name) {
        return HttpResponse.ok(documents.pdf(view, protocol)).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + name + "-" + view.meeting().date() + ".pdf\"");
    }
}
