package dk.beskplan.approval.pages;

import dk.beskplan.approval.application.ApprovalService;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
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

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The committee secretary's in-box (Danish page): submitted plans waiting for the committee, each with the
 * plan as submitted and a form to record the committee's decision. The same actions are API endpoints.
 */
@Controller("/approval/inbox")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.SECRETARY)
@Hidden
public class InboxPages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm",
            Locale.forLanguageTag("da-DK")).withZone(java.time.ZoneId.of("Europe/Copenhagen"));
    private final ApprovalService approval;

    public InboxPages(ApprovalService approval) {
        this.approval = approval;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> inbox(@QueryValue @Nullable String besluttet, Authentication auth) {
        return view(CurrentUser.of(auth), null, Map.of(), Map.of(), besluttet);
    }

    @Post("/{planId}/beslutning")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public MutableHttpResponse<?> decide(@PathVariable UUID planId, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        Submission.Outcome outcome = outcome(form.get("decision"));
        LocalDate meetingDate = date(form.get("meetingDate"));
        try {
            if (outcome == null) {
                throw dk.beskplan.platform.web.InvalidInput.field("decision", "vælg udvalgets beslutning");
            }
            if (meetingDate == null) {
                throw dk.beskplan.platform.web.InvalidInput.field("meetingDate", "skal være en dato som 2026-12-10");
            }
            String remarks = form.get("remarks") == null || form.get("remarks").isBlank() ? null : form.get("remarks").strip();
            approval.decide(planId, outcome, meetingDate, remarks, user);
            return HttpResponse.seeOther(URI.create("/approval/inbox?besluttet=" + outcome.name()));
        } catch (ProblemException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
            if (errors.isEmpty()) {
                errors.put("general", e.getMessage());
            }
            return HttpResponse.status(e.status()).body(view(user, planId, errors, form, null));
        }
    }

    private ModelAndView<Map<String, Object>> view(CurrentUser user, @Nullable UUID failedPlan, Map<String, String> errors,
                                                   Map<String, String> form, @Nullable String decided) {
        List<ApprovalService.InboxItem> items = approval.inbox(user);
        Map<UUID, String> submittedAt = new HashMap<>();
        items.forEach(i -> submittedAt.put(i.planId(), WHEN.format(i.submittedAt())));
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
        model.put("submittedAt", submittedAt);
        model.put("failedPlan", failedPlan);
        model.put("errors", errors);
        model.put("form", form);
        model.put("decided", decided);
        model.put("outcomes", List.of("APPROVED", "RETURNED", "REJECTED"));
        return new ModelAndView<>("approval/inbox", model);
    }

    private static Submission.Outcome outcome(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : Submission.Outcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
