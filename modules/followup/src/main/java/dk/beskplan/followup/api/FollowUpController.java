package dk.beskplan.followup.api;

import dk.beskplan.followup.application.FollowUpService;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Status rounds of a plan in follow-up. */
@Controller("/api/followup")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Follow-up")
public class FollowUpController {
    private final FollowUpService followUp;

    public FollowUpController(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Get("/plans/{planId}/rounds")
    @Secured({Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "The plan's status rounds; 404 when the plan is not in follow-up or not the user's")
    public List<FollowUpService.Round> rounds(@PathVariable UUID planId, Authentication auth) {
        return followUp.rounds(planId, CurrentUser.of(auth));
    }
}
