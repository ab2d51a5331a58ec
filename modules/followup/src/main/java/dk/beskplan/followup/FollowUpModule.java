package dk.beskplan.followup;

import dk.beskplan.platform.ModuleDescriptor;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** Annual follow-up: status rounds on approved plans, owned by managers. */
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
}
