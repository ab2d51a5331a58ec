package dk.beskplan.approval.pages;

import dk.beskplan.approval.application.Inbox;
import dk.beskplan.approval.application.MeetingDocuments;
import dk.beskplan.approval.application.Meetings;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.Amendment;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The secretary's meeting pages (Danish): the list of meetings and a form for a new one; a meeting with its ordered
 * agenda (order, move, take off, add items, close); an agenda item with its texts and the form for the committee's
 * decision (outcome, members present, vote per party, amendments, protocol text) or, once decided, for a correction;
 * the agenda and protocol as documents.
 */
@Controller("/approval")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.SECRETARY)
@Hidden
public class MeetingPages {
    private static final int AMENDMENT_ROWS = 3;

    private final Meetings meetings;
    private final Inbox inbox;
    private final MeetingDocuments documents;

    public MeetingPages(Meetings meetings, Inbox inbox, MeetingDocuments documents) {
        this.meetings = meetings;
        this.inbox = inbox;
        this.documents = documents;
    }

    @Get("/moeder")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> list(Authentication auth) {
        return listView(CurrentUser.of(auth), Map.of(), Map.of());
    }

    @Post("/moeder")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> create(@Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        UUID[] created = new UUID[1];
        try {
            created[0] = meetings.create(Forms.uuid(form, "committeeId"), Forms.date(form, "date", "date", true),
                    Forms.time(form, "time"), Forms.text(form, "place"),
                    Forms.date(form, "submissionDeadline", "submissionDeadline", false), user).meeting().id();
            return HttpResponse.seeOther(java.net.URI.create("/approval/moeder/" + created[0] + "?udfoert=oprettet"));
        } catch (dk.beskplan.platform.web.ProblemException e) {
            return HttpResponse.status(e.status()).body(listView(user, Forms.errors(e), form));
        }
    }

    @Get("/moeder/{id}")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> meeting(@PathVariable UUID id, @QueryValue @Nullable String udfoert,
                                                     Authentication auth) {
        return meetingView(CurrentUser.of(auth), id, Map.of(), Map.of(), udfoert);
    }

    @Post("/moeder/{id}/punkter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> addItem(@PathVariable UUID id, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return Forms.submit(Forms.run(() -> meetings.placeFree(id, Forms.text(form, "title"), Forms.text(form, "caseText"),
                        Forms.text(form, "recommendation"), user)),
                "/approval/moeder/" + id + "?udfoert=punkt", errors -> meetingView(user, id, errors, form, null));
    }

    @Post("/moeder/{id}/punkter/{itemId}/placering")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> reorder(@PathVariable UUID id, @PathVariable UUID itemId, @Body Map<String, String> form,
                                          Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return Forms.submit(Forms.run(() -> meetings.reorder(id, itemId, Forms.number(form, "position", "position") == null ? 0
                        : Forms.number(form, "position", "position"), Forms.version(form), user)),
                "/approval/moeder/" + id + "#punkt-" + itemId, errors -> meetingView(user, id, errors, form, null));
    }

    @Post("/moeder/{id}/punkter/{itemId}/flyt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> move(@PathVariable UUID id, @PathVariable UUID itemId, @Body Map<String, String> form,
                                       Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        UUID target = Forms.uuid(form, "targetMeetingId");
        return Forms.submit(Forms.run(() -> meetings.move(id, itemId, target, Forms.version(form), user)),
                "/approval/moeder/" + id + "?udfoert=" + (target == null ? "taget-af" : "flyttet"),
                errors -> meetingView(user, id, errors, form, null));
    }

    @Post("/moeder/{id}/luk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> close(@PathVariable UUID id, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return Forms.submit(Forms.run(() -> meetings.close(id, Forms.version(form), user)),
                "/approval/moeder/" + id + "?udfoert=lukket", errors -> meetingView(user, id, errors, form, null));
    }

    @Get("/moeder/{id}/punkter/{itemId}")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> item(@PathVariable UUID id, @PathVariable UUID itemId,
                                                  @QueryValue @Nullable Integer aendringer, @QueryValue @Nullable String udfoert,
                                                  Authentication auth) {
        return itemView(CurrentUser.of(auth), id, itemId, Map.of(), Map.of(), aendringer, udfoert);
    }

    @Post("/moeder/{id}/punkter/{itemId}/tekst")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> rewrite(@PathVariable UUID id, @PathVariable UUID itemId, @Body Map<String, String> form,
                                          Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return Forms.submit(Forms.run(() -> meetings.rewrite(id, itemId, Forms.text(form, "title"), Forms.text(form, "caseText"),
                        Forms.text(form, "recommendation"), Forms.version(form) == null ? -1L : Forms.version(form), user)),
                "/approval/moeder/" + id + "/punkter/" + itemId + "?udfoert=tekst",
                errors -> itemView(user, id, itemId, errors, form, null, null));
    }

    @Post("/moeder/{id}/punkter/{itemId}/beslutning")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> decide(@PathVariable UUID id, @PathVariable UUID itemId, @Body Map<String, String> form,
                                         Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return Forms.submit(Forms.run(() -> {
            Meetings.MeetingView view = meetings.get(id, user);
            AgendaItem item = view.meeting().item(itemId).orElseThrow(() -> new NotFound("Punktet findes ikke på dette møde"));
            boolean followed = "true".equals(form.get("followed"));
            ItemDecision.Outcome outcome = outcome(form.get("outcome"));
            String text = Forms.text(form, "protocolText");
            if (followed) {
                outcome = item.recommendedOutcome();
                text = text == null ? Meetings.followedText(item) : text;
            }
            if (outcome == null) {
                throw InvalidInput.field("outcome", "vælg udvalgets beslutning");
            }
            ItemDecision.Input input = new ItemDecision.Input(outcome, followed, text, present(form, view.committee()),
                    votes(form), amendments(form), Forms.uuid(form, "postponedTo"), null);
            return meetings.decide(id, itemId, input, Forms.number(form, "revision", "revision"), user);
        }), "/approval/moeder/" + id + "/punkter/" + itemId + "?udfoert=besluttet",
                errors -> itemView(user, id, itemId, errors, form, Forms.number(form, "rows", "rows"), null));
    }

    @Post("/moeder/{id}/punkter/{itemId}/rettelse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> correct(@PathVariable UUID id, @PathVariable UUID itemId, @Body Map<String, String> form,
                                          Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return Forms.submit(Forms.run(() -> {
            Meetings.MeetingView view = meetings.get(id, user);
            List<ItemDecision.PartyVote> votes = votes(form);
            if (form.keySet().stream().noneMatch(k -> k.startsWith("vote."))) {
                votes = effectiveVotes(view, itemId); // the correction form leaves the vote as it stands
            }
            return meetings.correct(id, itemId, Forms.text(form, "reason"), Forms.text(form, "protocolText"),
                    present(form, view.committee()), votes, user);
        }), "/approval/moeder/" + id + "/punkter/" + itemId + "?udfoert=rettet",
                errors -> itemView(user, id, itemId, errors, form, null, null));
    }

    @Get("/moeder/{id}/dagsorden")
    @Produces(MediaType.TEXT_HTML)
    public String agenda(@PathVariable UUID id, Authentication auth) {
        return documents.html(meetings.get(id, CurrentUser.of(auth)), false);
    }

    @Get("/moeder/{id}/protokol")
    @Produces(MediaType.TEXT_HTML)
    public String protocol(@PathVariable UUID id, Authentication auth) {
        return documents.html(meetings.get(id, CurrentUser.of(auth)), true);
    }

    @Get(value = "/moeder/{id}/dagsorden.pdf", produces = "application/pdf")
    public HttpResponse<byte[]> agendaPdf(@PathVariable UUID id, Authentication auth) {
        return pdf(meetings.get(id, CurrentUser.of(auth)), false, "dagsorden");
    }

    @Get(value = "/moeder/{id}/protokol.pdf", produces = "application/pdf")
    public HttpResponse<byte[]> protocolPdf(@PathVariable UUID id, Authentication auth) {
        return pdf(meetings.get(id, CurrentUser.of(auth)), true, "beslutningsprotokol");
    }

    @Get("/statusrapporter/{reportId}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> report(@PathVariable UUID reportId, Authentication auth) {
        String html = inbox.reportHtml(reportId, CurrentUser.of(auth));
        // The report was rendered by follow-up; shown as it came, but it may not run scripts or load anything.
        return HttpResponse.ok(html).header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    }

    private HttpResponse<byte[]> pdf(Meetings.MeetingView view, boolean protocol, String name) {
        return HttpResponse.ok(documents.pdf(view, protocol)).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + name + "-" + view.meeting().date() + ".pdf\"");
    }

    private ModelAndView<Map<String, Object>> listView(CurrentUser user, Map<String, String> errors, Map<String, String> form) {
        Map<String, Object> model = new HashMap<>();
        List<Meetings.MeetingSummary> all = meetings.list(user);
        Map<UUID, String> days = new HashMap<>();
        all.forEach(m -> days.put(m.id(), InboxPages.DAY.format(m.date())));
        model.put("meetings", all);
        model.put("days", days);
        model.put("committees", inbox.committees(user));
        model.put("errors", errors);
        model.put("form", form);
        return new ModelAndView<>("approval/meetings", model);
    }

    private ModelAndView<Map<String, Object>> meetingView(CurrentUser user, UUID id, Map<String, String> errors,
                                                          Map<String, String> form, @Nullable String done) {
        Meetings.MeetingView view = meetings.get(id, user);
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("meeting", view.meeting());
        model.put("items", view.meeting().items());
        model.put("day", InboxPages.DAY.format(view.meeting().date()));
        model.put("deadline", InboxPages.DAY.format(view.meeting().submissionDeadline()));
        List<Meetings.MeetingSummary> others = laterMeetings(user, view.meeting());
        model.put("others", others);
        model.put("otherDays", days(others));
        Map<UUID, String> fromDates = new HashMap<>();
        view.meeting().items().stream().filter(i -> i.postponedFromDate() != null)
                .forEach(i -> fromDates.put(i.id(), InboxPages.DAY.format(i.postponedFromDate())));
        model.put("fromDates", fromDates);
        model.put("time", view.meeting().time() == null ? "–" : view.meeting().time().format(java.time.format.DateTimeFormatter.ofPattern("HH.mm")));
        model.put("outcomes", outcomeTexts(view));
        model.put("errors", errors);
        model.put("form", form);
        model.put("done", done);
        return new ModelAndView<>("approval/meeting", model);
    }

    private ModelAndView<Map<String, Object>> itemView(CurrentUser user, UUID id, UUID itemId, Map<String, String> errors,
                                                       Map<String, String> form, @Nullable Integer rows, @Nullable String done) {
        Meetings.MeetingView view = meetings.get(id, user);
        AgendaItem item = view.meeting().item(itemId).orElseThrow(() -> new NotFound("Punktet findes ikke på dette møde"));
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("meeting", view.meeting());
        model.put("committee", view.committee());
        model.put("item", item);
        model.put("day", InboxPages.DAY.format(view.meeting().date()));
        List<Meetings.MeetingSummary> others = laterMeetings(user, view.meeting());
        model.put("others", others);
        model.put("otherDays", days(others));
        model.put("outcomes", java.util.Arrays.stream(ItemDecision.Outcome.values()).filter(item::allows).map(Enum::name).toList());
        model.put("recommendsOnly", false);
        model.put("amendmentRows", java.util.stream.IntStream.range(0, Math.max(AMENDMENT_ROWS, Math.min(rows == null ? 0 : rows, 50)))
                .boxed().toList());
        model.put("operations", List.of("REPLACE", "ADD", "REMOVE"));
        model.put("parts", List.of("GOAL", "OBJECTIVE", "INITIATIVE", "CRITERION"));
        model.put("parties", view.committee().parties());
        model.put("planParts", item.kind() == AgendaItem.Kind.PLAN
                ? PlanParts.of(inbox.currentDocument(item.planId(), item.revision(), user).orElse(null)) : List.of());
        ItemDecision decision = item.decision();
        if (decision != null) {
            List<ItemDecision.Correction> corrections = view.corrections().getOrDefault(decision.id(), List.of());
            ItemDecision.Correction last = corrections.isEmpty() ? null : corrections.get(corrections.size() - 1);
            model.put("decision", decision);
            model.put("outcomeText", MeetingDocuments.outcome(decision.outcome(), false));
            model.put("effectiveText", last == null ? decision.protocolText() : last.protocolText());
            model.put("effectivePresent", (last == null ? decision.present() : last.present()).stream().map(Committee.Member::name).toList());
            model.put("effectiveVote", MeetingDocuments.vote(last == null ? decision.votes() : last.votes()));
            model.put("amendmentTexts", view.amendmentTexts().getOrDefault(decision.id(), List.of()));
            model.put("corrections", corrections);
        }
        model.put("errors", errors);
        model.put("form", form);
        model.put("fresh", form.isEmpty());
        model.put("done", done);
        return new ModelAndView<>("approval/item", model);
    }

    private List<Meetings.MeetingSummary> laterMeetings(CurrentUser user, Meeting meeting) {
        return meetings.upcoming(user).stream().filter(m -> !m.id().equals(meeting.id()) && m.date().isAfter(meeting.date())
                || !m.id().equals(meeting.id()) && m.date().isEqual(meeting.date())).toList();
    }

    private static List<ItemDecision.PartyVote> effectiveVotes(Meetings.MeetingView view, UUID itemId) {
        ItemDecision decision = view.meeting().item(itemId).map(AgendaItem::decision).orElse(null);
        if (decision == null) {
            return List.of();
        }
        List<ItemDecision.Correction> corrections = view.corrections().getOrDefault(decision.id(), List.of());
        return corrections.isEmpty() ? decision.votes() : corrections.get(corrections.size() - 1).votes();
    }

    private static Map<UUID, String> days(List<Meetings.MeetingSummary> meetings) {
        Map<UUID, String> days = new HashMap<>();
        meetings.forEach(m -> days.put(m.id(), InboxPages.DAY.format(m.date())));
        return days;
    }

    private static Map<UUID, String> outcomeTexts(Meetings.MeetingView view) {
        Map<UUID, String> texts = new HashMap<>();
        view.meeting().items().stream().filter(i -> i.decision() != null)
                .forEach(i -> texts.put(i.id(), MeetingDocuments.outcome(i.decision().outcome(), false)));
        return texts;
    }

    private static ItemDecision.Outcome outcome(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : ItemDecision.Outcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Checked members: {@code present.N} carries the name of the committee's N-th member. */
    private static List<String> present(Map<String, String> form, Committee committee) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < committee.members().size(); i++) {
            String name = Forms.text(form, "present." + i);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** One row per party: {@code vote.N.party} and its three counts; rows left empty are no vote. */
    private static List<ItemDecision.PartyVote> votes(Map<String, String> form) {
        List<ItemDecision.PartyVote> votes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String party = Forms.text(form, "vote." + i + ".party");
            if (party == null) {
                continue;
            }
            Integer inFavour = Forms.number(form, "vote." + i + ".for", "votes");
            Integer against = Forms.number(form, "vote." + i + ".against", "votes");
            Integer abstained = Forms.number(form, "vote." + i + ".abstained", "votes");
            if (inFavour == null && against == null && abstained == null) {
                continue;
            }
            votes.add(new ItemDecision.PartyVote(party, inFavour == null ? 0 : inFavour, against == null ? 0 : against,
                    abstained == null ? 0 : abstained));
        }
        return votes;
    }

    /** Amendment rows: {@code amendment.N.operation/part/goal/item/text}; a row with nothing chosen is ignored. */
    private static List<Amendment> amendments(Map<String, String> form) {
        List<Amendment> amendments = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String operation = Forms.text(form, "amendment." + i + ".operation");
            String text = Forms.text(form, "amendment." + i + ".text");
            if (operation == null && text == null) {
                continue;
            }
            int number = amendments.size() + 1;
            if (operation == null) {
                throw InvalidInput.field("amendments", "Ændring " + number + ": vælg, om teksten erstatter, tilføjes eller udgår");
            }
            String part = Forms.text(form, "amendment." + i + ".part");
            Integer goal = Forms.number(form, "amendment." + i + ".goal", "amendments");
            if (part == null || goal == null) {
                throw InvalidInput.field("amendments", "Ændring " + number + ": vælg planens del og målets nummer");
            }
            amendments.add(new Amendment(Amendment.Operation.valueOf(operation), Amendment.Part.valueOf(part), goal,
                    Forms.number(form, "amendment." + i + ".item", "amendments"), text));
        }
        return amendments;
    }
}
