package dk.beskplan.followup;

import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.NavigationLink;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Annual follow-up: once a plan is approved, its goals get responsible managers and its success criteria status
 * tasks in yearly (and mid-year) rounds; managers are reminded by e-mail, report status, and the compiled status
 * report goes to the committee.
 */
@Factory
public class FollowUpModule {
    public static final ModuleDescriptor MODULE = new ModuleDescriptor("followup");

    @Singleton
    ModuleDescriptor followup() {
        return MODULE;
    }

    @Singleton
    MessageSource followupMessages() {
        return new ResourceBundleMessageSource("i18n.followup");
    }

    @Singleton
    NavigationLink tasksLink() {
        return new NavigationLink(30, "nav.tasks", "/followup/opgaver", Set.of(Roles.MANAGER));
    }

    @Singleton
    NavigationLink followupLink() {
        return new NavigationLink(31, "nav.followup", "/followup/planer", Set.of(Roles.MANAGER, Roles.OFFICIAL, Roles.SECRETARY, Roles.ADMIN));
    }
}
