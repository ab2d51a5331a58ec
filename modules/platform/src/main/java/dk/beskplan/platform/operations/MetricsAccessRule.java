package dk.beskplan.platform.operations;

import dk.beskplan.platform.security.Roles;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read {@code /prometheus} (docs/operations.md): a scraper that sends {@code Authorization: Bearer <token>} with
 * the token configured in {@code beskplan.metrics.token} ({@code BESKPLAN_METRICS_TOKEN}), or a signed-in system
 * administrator. Nobody else: without a configured token only administrators. Decided before every other rule.
 */
@Singleton
public class MetricsAccessRule implements SecurityRule<HttpRequest<?>> {
    static final String PATH = "/prometheus";
    private final byte[] token;

    public MetricsAccessRule(@Value("${beskplan.metrics.token:}") String token) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null || !(request.getPath().equals(PATH) || request.getPath().startsWith(PATH + "/"))) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        if (authentication != null && authentication.getRoles().contains(Roles.ADMIN)) {
            return Publishers.just(SecurityRuleResult.ALLOWED);
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (token != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            return Publishers.just(SecurityRuleResult.ALLOWED);
        }
        return Publishers.just(SecurityRuleResult.REJECTED);
    }

    @Override
    public int getOrder() {
        return -1000;
    }
}
