package dk.beskplan.archive;

import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.NavigationLink;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

import java.util.Set;

/** The archive: keeps every message of every module, in order per plan, forever. */
@Factory
public class ArchiveModule {
    public static final ModuleDescriptor MODULE = new ModuleDescriptor("archive");

    @Singleton
    ModuleDescriptor archive() {
        return MODULE;
    }

    @Singleton
    MessageSource archiveMessages() {
        return new ResourceBundleMessageSource("i18n.archive");
    }

    @Singleton
    NavigationLink archiveLink() {
        return new NavigationLink(40, "nav.archive", "/arkiv",
                Set.of(Roles.OFFICIAL, Roles.SECRETARY, Roles.MANAGER, Roles.ADMIN, Roles.READER));
    }
}
