package dk.beskplan.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether a state-changing request comes from one of Beskplan's own pages: its {@code Origin} header, or when a
 * browser sent none its {@code Referer}, must name this site: the host (and port) the request was sent to, or the
 * public address of the configuration ({@code beskplan.mail.base-url}, {@code beskplan.security.sso.base-url},
 * {@code beskplan.security.allowed-origins}: behind a proxy that rewrites the host). {@code Origin: null} (a
 * sandboxed page, a page with "no-referrer") is foreign. A request with neither header is not from a browser
 * page (scripts, curl): the CSRF token, which a session's requests need anyway, and the SameSite=Strict
 * cookie protect those.
 */
@Singleton
public class Origins {
    private final Set<String> configured;

    public Origins(@Value("${beskplan.mail.base-url:}") String mailBaseUrl,
                   @Value("${beskplan.security.sso.base-url:}") String ssoBaseUrl,
                   @Value("${beskplan.security.allowed-origins:}") List<String> allowedOrigins) {
        List<String> all = new ArrayList<>(allowedOrigins);
        all.add(mailBaseUrl);
        all.add(ssoBaseUrl);
        this.configured = all.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Origins::authorityOf).flatMap(Optional::stream).collect(Collectors.toSet());
    }

    /** True when the request names no foreign origin (see the class comment). */
    public boolean fromOwnPage(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        if (origin == null) {
            origin = request.getHeaders().get("Referer");
            if (origin == null) {
                return true;
            }
        }
        Optional<String> authority = authorityOf(origin.strip());
        if (authority.isEmpty()) {
            return false; // "null", garbage, a relative reference: not a page of ours
        }
        String host = request.getHeaders().get("Host");
        return host != null && withoutDefaultPort(host.toLowerCase(Locale.ROOT), null).equals(authority.get())
                || configured.contains(authority.get());
    }

    /** "host[:port]" of an absolute http(s) address, lower case, without the scheme's default port. */
    static Optional<String> authorityOf(String address) {
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!Stream.of("http", "https").toList().contains(scheme) || uri.getRawAuthority() == null || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(withoutDefaultPort(uri.getRawAuthority().toLowerCase(Locale.ROOT), scheme));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String withoutDefaultPort(String authority, String scheme) {
        if (authority.endsWith(":443") && !"http".equals(scheme)) {
            return authority.substring(0, authority.length() - 4);
        }
        if (authority.endsWith(":80") && !"https".equals(scheme)) {
            return authority.substring(0, authority.length() - 3);
        }
        return authority;
    }
}
