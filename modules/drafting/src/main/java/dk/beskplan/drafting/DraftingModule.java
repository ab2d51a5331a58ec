package dk.beskplan.drafting;

import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.NavigationLink;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

import java.util.Set;

/** Drafting: officials write plans, every save a revision; submitting freezes one for the committee. */
@Factory
public class DraftingModule {
    public static final ModuleDescriptor MODULE = new ModuleDescriptor("drafting");

    @Singleton
    ModuleDescriptor drafting() {
        return MODULE;
    }

    @Singleton
    MessageSource draftingMessages() {
        return new ResourceBundleMessageSource("i18n.drafting");
    }

    @Singleton
    NavigationLink plansLink() {
        return new NavigationLink(10, "nav.plans", "/plans", Set.of(Roles.OFFICIAL, Roles.MANAGER, Roles.SECRETARY, Roles.ADMIN));
    }
}
