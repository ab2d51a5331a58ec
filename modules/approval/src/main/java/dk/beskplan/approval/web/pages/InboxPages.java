package dk.beskplan.approval.web.pages;

import dk.beskplan.approval.application.Agendas;
import dk.beskplan.approval.application.Inbox;
import dk.beskplan.approval.application.Meetings;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.text.DanishFormats;
import dk.beskplan.platform.web.PageForms;
import dk.beskplan.platform.web.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The committee secretary's in-box (Danish page): submitted plans to place on a meeting's agenda, plans out for
 * hearing with a form for the answer, and status reports to be noted. The same actions are API endpoints.
 */
@Controller("/approval/inbox")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.SECRETARY)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class InboxPages {

    private final Inbox inbox;
    private final Meetings meetings;
    private final Agendas agendas;

    public InboxPages(Inbox inbox, Meetings meetings, Agendas agendas) {
        this.inbox = inbox;
        this.meetings = meetings;
        this.agendas = agendas;
    }

    @Get
    public ModelAndView<Map<String, Object>> inbox(@QueryValue @Nullable String udfoert, Authentication auth) {
        return view(CurrentUser.of(auth), null, Map.of(), Map.of(), udfoert);
    }

    @Post("/{planId}/dagsorden")
    public MutableHttpResponse<?> placePlan(@PathVariable UUID planId, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return placeOnChosenMeeting(planId, form, user, meeting -> agendas.placePlan(meeting, planId, null, null, user));
    }

    @Post("/statusrapporter/{reportId}/dagsorden")
    public MutableHttpResponse<?> placeReport(@PathVariable UUID reportId, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return placeOnChosenMeeting(reportId, form, user, meeting -> agendas.placeReport(meeting, reportId, user));
    }

    /** Puts an in-box entry ({@code entryId}) on the meeting the form chose, then shows that meeting's agenda. */
    private MutableHttpResponse<?> placeOnChosenMeeting(UUID entryId, Map<String, String> form, CurrentUser user, Consumer<UUID> place) {
        UUID meeting = Forms.uuid(form, "meetingId");
        return Forms.submit(() -> {
            if (meeting == null) {
                throw InvalidInput.field("meetingId", "vælg mødet");
            }
            place.accept(meeting);
        }, "/approval/moeder/" + meeting + "?udfoert=placeret", errors -> view(user, entryId, errors, form, null));
    }

    @Post("/{planId}/hoeringssvar")
    public MutableHttpResponse<?> hearingAnswer(@PathVariable UUID planId, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return Forms.submit(() -> inbox.recordHearingAnswer(planId, PageForms.text(form, "answer"),
                        Forms.date(form, "answeredOn", "answeredOn", false), user),
                "/approval/inbox?udfoert=hoering", errors -> view(user, planId, errors, form, null));
    }

    private ModelAndView<Map<String, Object>> view(CurrentUser user, @Nullable UUID failed, Map<String, String> errors,
                                                   Map<String, String> form, @Nullable String done) {
        Inbox.Contents contents = inbox.contents(user);
        List<Meetings.MeetingSummary> upcoming = meetings.upcoming(user);
        Map<Object, String> when = new HashMap<>();
        contents.plans().forEach(p -> when.put(p.planId(), DanishFormats.dateTime(p.submittedAt())));
        contents.statusReports().forEach(r -> when.put(r.reportId(), DanishFormats.dateTime(r.receivedAt())));
        Map<Object, String> days = new HashMap<>();
        contents.hearings().forEach(h -> days.put(h.planId(), DanishFormats.date(h.deadline())));
        contents.statusReports().forEach(r -> days.put(r.reportId(), DanishFormats.date(r.dueDate())));
        upcoming.forEach(m -> days.put(m.id(), DanishFormats.date(m.date())));
        Map<String, Object> model = new HashMap<>();
        model.put("plans", contents.plans());
        model.put("hearings", contents.hearings());
        model.put("reports", contents.statusReports());
        model.put("upcoming", upcoming);
        // Preselect the soonest planned meeting of the body that decides next (upcoming is soonest first).
        Map<UUID, UUID> suggested = new HashMap<>();
        contents.plans().forEach(p -> upcoming.stream().filter(m -> m.committee().equals(p.decidingBody())).findFirst()
                .ifPresent(m -> suggested.put(p.planId(), m.id())));
        model.put("suggested", suggested);
        model.put("when", when);
        model.put("days", days);
        model.put("failed", failed);
        return Forms.page("approval/inbox", model, errors, form, done);
    }
}
