package dk.beskplan.approval;

import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.NavigationLink;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

import java.util.Set;

/** Committee approval: the secretary's in-box of submitted plans and the committee's decisions. */
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
}
