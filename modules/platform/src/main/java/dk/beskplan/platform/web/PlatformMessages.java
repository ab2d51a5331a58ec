package dk.beskplan.platform.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The platform's page texts (Danish); each module registers its own bundle the same way. */
@Factory
public class PlatformMessages {
    @Singleton
    MessageSource platformMessages() {
        return new ResourceBundleMessageSource("i18n.platform");
    }
}
