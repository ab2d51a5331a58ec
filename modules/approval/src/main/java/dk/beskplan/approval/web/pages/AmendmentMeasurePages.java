package dk.beskplan.approval.web.pages;

import dk.beskplan.approval.application.Inbox;
import dk.beskplan.approval.application.Meetings;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.NotFound;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The measure part of one amendment row, swapped in by htmx when the secretary chooses which part an amendment is
 * about: for a success criterion, its target, deadline, indicator and data source now, and the choice to keep or
 * change them; for any other part, nothing.
 */
@Controller("/approval")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.SECRETARY)
@Hidden
public class AmendmentMeasurePages {
    private final Meetings meetings;
    private final Inbox inbox;

    public AmendmentMeasurePages(Meetings meetings, Inbox inbox) {
        this.meetings = meetings;
        this.inbox = inbox;
    }

    @Get(value = "/moeder/{id}/punkter/{itemId}/aendringer/{row}/maal", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> measure(@PathVariable UUID id, @PathVariable UUID itemId, @PathVariable int row,
                                                     HttpRequest<?> request, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        AgendaItem item = meetings.get(id, user).meeting().item(itemId)
                .orElseThrow(() -> new NotFound("Punktet findes ikke på dette møde"));
        if (row < 0 || row >= AmendmentForm.MAX_ROWS || item.kind() != AgendaItem.Kind.PLAN) {
            throw new NotFound("Ændringen findes ikke");
        }
        Map<String, String> form = new HashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                form.put(name, values.get(0));
            }
        });
        PlanDocument current = inbox.currentDocument(item.planId(), item.revision(), user).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("r", row);
        model.put("m", AmendmentForm.measureRow(current, form, row));
        model.put("form", form);
        model.put("kinds", AmendmentForm.KINDS);
        return new ModelAndView<>("approval/amendment-measure", model);
    }
}
