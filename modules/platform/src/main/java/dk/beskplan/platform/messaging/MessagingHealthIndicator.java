package dk.beskplan.platform.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/** Reports whether the broker connection is up; while it is down, messages wait in the outboxes. */
@Singleton
@Requires(beans = MessagingRuntime.class)
public class MessagingHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final MessagingRuntime runtime;

    public MessagingHealthIndicator(MessagingRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean up = runtime.isConnected();
        healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("connected", up, "namespace", runtime.config().getNamespace());
    }

    @Override
    protected String getName() {
        return "messaging";
    }
}
