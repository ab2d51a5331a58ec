package dk.beskplan.approval.web.pages;

import dk.beskplan.approval.application.MeetingDocuments;
import dk.beskplan.approval.application.Meetings;
import dk.beskplan.platform.security.UserAccounts;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decision protocols of the municipality's closed meetings, public as Danish committees publish them (no login),
 * under the municipality's public page. Only closed meetings: a protocol is final when the meeting is closed; agendas,
 * planned meetings and the in-box stay the secretary's.
 */
@Controller("/offentlig/{municipality}/moeder")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class PublicMeetingPages {
    private final Meetings meetings;
    private final MeetingDocuments documents;
    private final UserAccounts users;

    public PublicMeetingPages(Meetings meetings, MeetingDocuments documents, UserAccounts users) {
        this.meetings = meetings;
        this.documents = documents;
        this.users = users;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> closedMeetings(@PathVariable String municipality) {
        List<Meetings.MeetingSummary> closed = meetings.closedMeetings(municipality);
        Map<String, Object> model = new HashMap<>();
        model.put("municipality", municipality);
        model.put("municipalityName", users.municipalityName(municipality));
        model.put("meetings", closed);
        model.put("days", MeetingDisplay.days(closed));
        return new ModelAndView<>("approval/public-meetings", model);
    }

    @Get("/{id}/protokol")
    @Produces(MediaType.TEXT_HTML)
    public String protocol(@PathVariable String municipality, @PathVariable UUID id) {
        return documents.html(meetings.closedMeeting(id, municipality), true);
    }

    @Get(value = "/{id}/protokol.pdf", produces = "application/pdf")
    public HttpResponse<byte[]> protocolPdf(@PathVariable String municipality, @PathVariable UUID id) {
        return MeetingDisplay.pdf(documents, meetings.closedMeeting(id, municipality), true, "beslutningsprotokol");
    }
}
