package dk.beskplan.administration;

import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.NavigationLink;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Administration: which municipalities use Beskplan and who may do what in them. The system administrator
 * activates municipalities and names their local administrators; local administrators invite and manage their
 * municipality's users; everyone manages their own password and profile. Every act is published as a message
 * (and so archived). Users, sessions and municipalities themselves live in the platform, because every request's
 * sign-in reads them (docs/adr/0012-administration-module.md).
 */
@Factory
public class AdministrationModule {
    public static final ModuleDescriptor MODULE = new ModuleDescriptor("administration");

    @Singleton
    ModuleDescriptor administration() {
        return MODULE;
    }

    @Singleton
    MessageSource administrationMessages() {
        return new ResourceBundleMessageSource("i18n.administration");
    }

    @Singleton
    NavigationLink administrationLink() {
        return new NavigationLink(90, "nav.administration", "/administration", Set.of(Roles.ADMIN, Roles.LOCAL_ADMIN));
    }
}
