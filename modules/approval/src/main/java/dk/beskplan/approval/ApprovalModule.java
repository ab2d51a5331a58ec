package dk.beskplan.approval;

import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.NavigationLink;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

import java.util.Set;

/** Committee approval: committees, meetings and agendas, the committee's decisions and the approved version. */
@Factory
public class ApprovalModule {
    public static final ModuleDescriptor MODULE = new ModuleDescriptor("approval");

    @Singleton
    ModuleDescriptor approval() {
        return MODULE;
    }

    @Singleton
    MessageSource approvalMessages() {
        return new ResourceBundleMessageSource("i18n.approval");
    }

    @Singleton
    NavigationLink inboxLink() {
        return new NavigationLink(20, "nav.inbox", "/approval/inbox", Set.of(Roles.SECRETARY));
    }

    @Singleton
    NavigationLink meetingsLink() {
        return new NavigationLink(21, "nav.meetings", "/approval/moeder", Set.of(Roles.SECRETARY));
    }

    @Singleton
    NavigationLink committeesLink() {
        return new NavigationLink(22, "nav.committees", "/approval/udvalg", Set.of(Roles.SECRETARY));
    }
}
