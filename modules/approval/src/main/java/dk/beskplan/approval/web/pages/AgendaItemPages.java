package dk.beskplan.approval.web.pages;

import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.approval.application.Agendas;
import dk.beskplan.approval.application.Decisions;
import dk.beskplan.approval.application.Inbox;
import dk.beskplan.approval.application.MeetingDocuments;
import dk.beskplan.approval.application.Meetings;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.text.DanishFormats;
import dk.beskplan.platform.domain.Result;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import dk.beskplan.platform.web.PageForms;
import dk.beskplan.platform.web.ProblemException;
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

import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * An agenda item's page (Danish): its texts, which the secretary can rewrite, and the form for the committee's decision
 * (outcome, members present, vote per party, amendments, protocol text) or, once decided, for a correction. Every form
 * posts here and comes back to the item.
 */
@Controller("/approval/moeder/{id}/punkter/{itemId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.SECRETARY)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class AgendaItemPages {
    private static final int AMENDMENT_ROWS = 3;

    private final Meetings meetings;
    private final Agendas agendas;
    private final Decisions decisions;
    private final Inbox inbox;

    public AgendaItemPages(Meetings meetings, Agendas agendas, Decisions decisions, Inbox inbox) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.decisions = decisions;
        this.inbox = inbox;
    }

    @Get
    public ModelAndView<Map<String, Object>> item(@PathVariable UUID id, @PathVariable UUID itemId,
                                                  @QueryValue @Nullable Integer aendringer, @QueryValue @Nullable String udfoert,
                                                  Authentication auth) {
        return itemView(CurrentUser.of(auth), id, itemId, Map.of(), Map.of(), aendringer, udfoert);
    }

    @Post("/tekst")
    public MutableHttpResponse<?> rewrite(@PathVariable UUID id, @PathVariable UUID itemId, @Body Map<String, String> form,
                                          Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return submit(id, itemId, form, user, "tekst", null, () -> agendas.rewrite(id, itemId, PageForms.text(form, "title"),
                PageForms.text(form, "caseText"), PageForms.text(form, "recommendation"),
                Forms.version(form) == null ? -1L : Forms.version(form), user));
    }

    @Post("/beslutning")
    public MutableHttpResponse<?> decide(@PathVariable UUID id, @PathVariable UUID itemId, @Body Map<String, String> form,
                                         Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return submit(id, itemId, form, user, "besluttet", Forms.number(form, "rows", "rows"), () -> {
            Meetings.MeetingView view = meetings.get(id, user);
            boolean followed = "true".equals(form.get("followed"));
            // The page's "followed" button names no outcome of its own: the recommendation's is recorded.
            ItemDecision.Outcome outcome = followed ? null : DecisionForms.outcome(form.get("outcome"));
            String text = PageForms.text(form, "protocolText");
            // Every problem the form itself shows at once: the outcome (the domain's rule, AgendaItem.completed), the votes
            // and each amendment row at its own place.
            List<ProblemException.FieldError> errors = new ArrayList<>();
            AgendaItem item = view.meeting().item(itemId).orElseThrow(() -> new NotFound("Punktet findes ikke på dette møde"));
            if (item.completed(new ItemDecision.Input(outcome, followed, text, List.of(), List.of(), List.of(), null, null))
                    instanceof Result.Rejected<?> rejected) {
                errors.add(new ProblemException.FieldError(rejected.field(), rejected.reason()));
            }
            List<ItemDecision.PartyVote> votes = Forms.collect(errors, () -> DecisionForms.votes(form));
            AmendmentForm.Rows rows = Forms.collect(errors, () -> AmendmentForm.read(form));
            Forms.refuseIfAny(errors);
            ItemDecision.Input input = new ItemDecision.Input(outcome, followed, text,
                    DecisionForms.present(form, view.committee()), votes, rows.amendments(),
                    Forms.uuid(form, "postponedTo"), null);
            try {
                return decisions.decide(id, itemId, input, Forms.number(form, "revision", "revision"), user);
            } catch (InvalidInput refused) {
                if (refused.errors().isEmpty()) {
                    throw refused;
                }
                throw new InvalidInput(refused.errors().stream().map(rows::atRow).toList()); // an amendment's refusal at its row
            }
        });
    }

    @Post("/rettelse")
    public MutableHttpResponse<?> correct(@PathVariable UUID id, @PathVariable UUID itemId, @Body Map<String, String> form,
                                          Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return submit(id, itemId, form, user, "rettet", null, () -> {
            Meetings.MeetingView view = meetings.get(id, user);
            List<ItemDecision.PartyVote> votes = DecisionForms.votes(form);
            if (form.keySet().stream().noneMatch(k -> k.startsWith("vote."))) {
                votes = asCorrected(view, itemId).votes(); // the correction form leaves the vote as it stands
            }
            return decisions.correct(id, itemId, PageForms.text(form, "reason"), PageForms.text(form, "protocolText"),
                    DecisionForms.present(form, view.committee()), votes, user);
        });
    }

    /**
     * Runs one of the item's forms, then back to the item saying what was done ({@code done}); refused, the item's
     * page again with the refusals and the input ({@code rows} amendment rows).
     */
    private MutableHttpResponse<?> submit(UUID id, UUID itemId, Map<String, String> form, CurrentUser user, String done,
                                          @Nullable Integer rows, Supplier<?> action) {
        return Forms.submit(Forms.run(action),
                "/approval/moeder/" + id + "/punkter/" + itemId + "?udfoert=" + done,
                errors -> itemView(user, id, itemId, errors, form, rows, null));
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
        model.put("day", DanishFormats.date(view.meeting().date()));
        List<Meetings.MeetingSummary> others = meetings.later(view.meeting(), user);
        model.put("others", others);
        model.put("otherDays", MeetingDisplay.days(others));
        model.put("outcomes", Arrays.stream(ItemDecision.Outcome.values()).filter(item::allows).map(Enum::name).toList());
        model.put("recommendsOnly", false);
        model.put("amendmentRows", IntStream.range(0, Math.max(AMENDMENT_ROWS, Math.min(rows == null ? 0 : rows, 50)))
                .boxed().toList());
        model.put("operations", List.of("REPLACE", "ADD", "REMOVE"));
        model.put("parts", List.of("GOAL", "OBJECTIVE", "INITIATIVE", "CRITERION"));
        model.put("parties", view.committee().parties());
        PlanDocument current = item.kind() == AgendaItem.Kind.PLAN
                ? inbox.currentDocument(item.planId(), item.revision(), user).orElse(null) : null;
        model.put("planParts", PlanParts.of(current));
        @SuppressWarnings("unchecked")
        List<Integer> rowNumbers = (List<Integer>) model.get("amendmentRows");
        model.put("measureRows", AmendmentForm.measureRows(current, form, rowNumbers));
        model.put("kinds", AmendmentForm.KINDS);
        ItemDecision decision = item.decision();
        if (decision != null) {
            List<ItemDecision.Correction> corrections = view.corrections().getOrDefault(decision.id(), List.of());
            ItemDecision.AsCorrected now = decision.asCorrected(corrections);
            model.put("decision", decision);
            model.put("outcomeText", MeetingDocuments.outcome(decision.outcome(), false));
            model.put("effectiveText", now.protocolText());
            model.put("effectivePresent", now.present().stream().map(Committee.Member::name).toList());
            model.put("effectiveVote", MeetingDocuments.vote(now.votes()));
            model.put("amendmentTexts", view.amendmentTexts().getOrDefault(decision.id(), List.of()));
            model.put("corrections", corrections);
        }
        model.put("fresh", form.isEmpty());
        return Forms.page("approval/item", model, errors, form, done);
    }

    private static ItemDecision.AsCorrected asCorrected(Meetings.MeetingView view, UUID itemId) {
        ItemDecision decision = view.meeting().item(itemId).map(AgendaItem::decision).orElse(null);
        if (decision == null) {
            return new ItemDecision.AsCorrected(null, List.of(), List.of());
        }
        return decision.asCorrected(view.corrections().getOrDefault(decision.id(), List.of()));
    }
}
