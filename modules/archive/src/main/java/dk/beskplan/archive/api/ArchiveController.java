package dk.beskplan.archive.api;

import dk.beskplan.archive.application.Archive;
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

/** A plan's archived history. */
@Controller("/api/archive")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Archive")
public class ArchiveController {
    private final Archive archive;

    public ArchiveController(Archive archive) {
        this.archive = archive;
    }

    @Get("/plans/{planId}/timeline")
    @Secured({Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "Every event of the plan in order, with who, when and the message id")
    public List<Archive.TimelineEntry> timeline(@PathVariable UUID planId, Authentication auth) {
        return archive.timeline(planId, CurrentUser.of(auth));
    }
}
