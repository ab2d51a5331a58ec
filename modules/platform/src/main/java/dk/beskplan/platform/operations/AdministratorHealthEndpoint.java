package dk.beskplan.platform.operations;

import dk.beskplan.platform.security.Roles;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;

import java.security.Principal;

/**
 * {@code /health} for everyone (a load balancer asks it without logging in), but its details (the database's JDBC
 * address and version, the broker, the disk) for the system administrator only: Micronaut's own setting knows
 * "authenticated", which would show them to every reader (docs/operations.md).
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
public class AdministratorHealthEndpoint extends HealthEndpoint {
    public AdministratorHealthEndpoint(HealthAggregator<HealthResult> healthAggregator, HealthIndicator[] healthIndicators,
                                       @Liveness HealthIndicator[] livenessHealthIndicators) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(Principal principal) {
        return principal instanceof Authentication authentication && authentication.getRoles().contains(Roles.ADMIN)
                ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS : HealthLevelOfDetail.STATUS;
    }
}
