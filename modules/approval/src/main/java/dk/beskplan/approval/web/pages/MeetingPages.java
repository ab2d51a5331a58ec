package dk.beskplan.approval.web.pages;

import dk.beskplan.approval.application.Agendas;
import dk.beskplan.approval.application.Inbox;
import dk.beskplan.approval.application.MeetingDocuments;
import dk.beskplan.approval.application.Meetings;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.text.DanishFormats;
import dk.beskplan.platform.web.PageForms;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The secretary's meeting pages (Danish): the list of meetings and a form for a new one; a meeting with its ordered
 * agenda (order, move, take off, add items, close); the agenda and protocol as documents. An item's own page is
 * {@link AgendaItemPages}.
 */
@Controller("/approval")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.SECRETARY)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class MeetingPages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    private final Meetings meetings;
    private final Agendas agendas;
    private final Inbox inbox;
    private final MeetingDocuments documents;

    public MeetingPages(Meetings meetings, Agendas agendas, Inbox inbox, MeetingDocuments documents) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.inbox = inbox;
        this.documents = documents;
    }

    @Get("/moeder")
    public ModelAndView<Map<String, Object>> list(Authentication auth) {
        return listView(CurrentUser.of(auth), Map.of(), Map.of());
    }

    @Post("/moeder")
    public MutableHttpResponse<?> create(@Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return PageForms.act(() -> {
            // Every field read, so that each one's problem is shown at once.
            List<ProblemException.FieldError> errors = new ArrayList<>();
            UUID committeeId = Forms.uuid(form, "committeeId");
            if (committeeId == null) {
                errors.add(new ProblemException.FieldError("committeeId", "vælg udvalget"));
            }
            LocalDate date = Forms.collect(errors, () -> Forms.date(form, "date", "date", true));
            LocalTime time = Forms.collect(errors, () -> Forms.time(form, "time"));
            LocalDate deadline = Forms.collect(errors, () -> Forms.date(form, "submissionDeadline", "submissionDeadline", false));
            Forms.refuseIfAny(errors);
            return "/approval/moeder/" + meetings.create(committeeId, date, time, PageForms.text(form, "place"), deadline, user)
                    .meeting().id() + "?udfoert=oprettet";
        }, errors -> listView(user, errors, form));
    }

    @Get("/moeder/{id}")
    public ModelAndView<Map<String, Object>> meeting(@PathVariable UUID id, @QueryValue @Nullable String udfoert,
                                                     Authentication auth) {
        return meetingView(CurrentUser.of(auth), id, Map.of(), Map.of(), udfoert);
    }

    @Post("/moeder/{id}/punkter")
    public MutableHttpResponse<?> addItem(@PathVariable UUID id, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return submit(id, form, user, "?udfoert=punkt", () -> agendas.placeFree(id, PageForms.text(form, "title"),
                PageForms.text(form, "caseText"), PageForms.text(form, "recommendation"), user));
    }

    @Post("/moeder/{id}/punkter/{itemId}/placering")
    public MutableHttpResponse<?> reorder(@PathVariable UUID id, @PathVariable UUID itemId, @Body Map<String, String> form,
                                          Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return submit(id, form, user, "#punkt-" + itemId, () -> agendas.reorder(id, itemId,
                Forms.number(form, "position", "position") == null ? 0 : Forms.number(form, "position", "position"),
                Forms.version(form), user));
    }

    @Post("/moeder/{id}/punkter/{itemId}/flyt")
    public MutableHttpResponse<?> move(@PathVariable UUID id, @PathVariable UUID itemId, @Body Map<String, String> form,
                                       Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        UUID target = Forms.uuid(form, "targetMeetingId");
        return submit(id, form, user, "?udfoert=" + (target == null ? "taget-af" : "flyttet"),
                () -> agendas.move(id, itemId, target, Forms.version(form), user));
    }

    @Post("/moeder/{id}/luk")
    public MutableHttpResponse<?> close(@PathVariable UUID id, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return submit(id, form, user, "?udfoert=lukket", () -> meetings.close(id, Forms.version(form), user));
    }

    /** Runs one of the meeting page's forms, then back to the meeting ({@code then}: what follows its address). */
    private MutableHttpResponse<?> submit(UUID id, Map<String, String> form, CurrentUser user, String then, Supplier<?> action) {
        return Forms.submit(Forms.run(action), "/approval/moeder/" + id + then,
                errors -> meetingView(user, id, errors, form, null));
    }

    @Get("/moeder/{id}/dagsorden")
    public String agenda(@PathVariable UUID id, Authentication auth) {
        return documents.html(meetings.get(id, CurrentUser.of(auth)), false);
    }

    @Get("/moeder/{id}/protokol")
    public String protocol(@PathVariable UUID id, Authentication auth) {
        return documents.html(meetings.get(id, CurrentUser.of(auth)), true);
    }

    @Get(value = "/moeder/{id}/dagsorden.pdf", produces = "application/pdf")
    public HttpResponse<byte[]> agendaPdf(@PathVariable UUID id, Authentication auth) {
        return MeetingDisplay.pdf(documents, meetings.get(id, CurrentUser.of(auth)), false, "dagsorden");
    }

    @Get(value = "/moeder/{id}/protokol.pdf", produces = "application/pdf")
    public HttpResponse<byte[]> protocolPdf(@PathVariable UUID id, Authentication auth) {
        return MeetingDisplay.pdf(documents, meetings.get(id, CurrentUser.of(auth)), true, "beslutningsprotokol");
    }

    @Get("/statusrapporter/{reportId}")
    public HttpResponse<String> report(@PathVariable UUID reportId, Authentication auth) {
        String html = inbox.reportHtml(reportId, CurrentUser.of(auth));
        // The report was rendered by follow-up; shown as it came, but it may not run scripts or load anything.
        return HttpResponse.ok(html).header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    }

    private ModelAndView<Map<String, Object>> listView(CurrentUser user, Map<String, String> errors, Map<String, String> form) {
        Map<String, Object> model = new HashMap<>();
        List<Meetings.MeetingSummary> all = meetings.list(user);
        model.put("meetings", all);
        model.put("days", MeetingDisplay.days(all));
        model.put("committees", inbox.committees(user));
        return Forms.page("approval/meetings", model, errors, form, null);
    }

    private ModelAndView<Map<String, Object>> meetingView(CurrentUser user, UUID id, Map<String, String> errors,
                                                          Map<String, String> form, @Nullable String done) {
        Meetings.MeetingView view = meetings.get(id, user);
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("meeting", view.meeting());
        model.put("items", view.meeting().items());
        model.put("day", DanishFormats.date(view.meeting().date()));
        model.put("deadline", DanishFormats.date(view.meeting().submissionDeadline()));
        List<Meetings.MeetingSummary> others = meetings.later(view.meeting(), user);
        model.put("others", others);
        model.put("otherDays", MeetingDisplay.days(others));
        Map<UUID, String> fromDates = new HashMap<>();
        view.meeting().items().stream().filter(i -> i.postponedFromDate() != null)
                .forEach(i -> fromDates.put(i.id(), DanishFormats.date(i.postponedFromDate())));
        model.put("fromDates", fromDates);
        model.put("time", view.meeting().time() == null ? "–" : view.meeting().time().format(TIME));
        Map<UUID, String> outcomes = new HashMap<>();
        view.meeting().items().stream().filter(i -> i.decision() != null)
                .forEach(i -> outcomes.put(i.id(), MeetingDocuments.outcome(i.decision().outcome(), false)));
        model.put("outcomes", outcomes);
        return Forms.page("approval/meeting", model, errors, form, done);
    }
}
