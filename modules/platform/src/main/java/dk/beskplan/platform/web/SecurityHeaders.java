package dk.beskplan.platform.web;

import dk.beskplan.platform.domain.Hashes;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Security headers on every response: pages, API answers, documents, error pages and static files. A header a
 * controller set itself (a logo's locked-down policy, a public file's caching) is left as it is.
 * <ul>
 *   <li>{@code Content-Security-Policy}: pages run only our own script files (no inline script, no eval) and our
 *       own style sheets; a document's own {@code <style>} block is allowed by its SHA-256 hash. Nothing may frame a
 *       page ({@code frame-ancestors 'none'}, and {@code X-Frame-Options: DENY} for older browsers). PDFs get only
 *       {@code frame-ancestors}: a stricter policy stops the browser's own PDF viewer.</li>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} (not "no-referrer": the
 *       browser would then send {@code Origin: null} with our forms, which {@code CsrfFilter} refuses).</li>
 *   <li>{@code Cache-Control: no-store} on what a signed-in user receives (and on login and the API), except static
 *       files.</li>
 *   <li>{@code Strict-Transport-Security} when the session cookie is marked Secure (served over TLS).</li>
 * </ul>
 * Ordered first, so on the way back it is the last to see a response, the error pages included.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders implements Ordered {
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'%s; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String PDF_POLICY = "frame-ancestors 'none'";
    private static final Pattern STYLE_BLOCK = Pattern.compile("<style[^>]*>(.*?)</style>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Set<String> STATIC = Set.of("/static/", "/webjars/", "/swagger/");

    private final boolean secureCookie;

    public SecurityHeaders(@Value("${beskplan.security.cookie-secure:false}") boolean secureCookie) {
        this.secureCookie = secureCookie;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        String type = response.getContentType().map(MediaType::getName).orElse(MediaType.TEXT_HTML);
        if (!headers.contains("Content-Security-Policy")) {
            headers.add("Content-Security-Policy", policy(type, response.getBody().orElse(null)));
        }
        setIfAbsent(response, "X-Frame-Options", "DENY");
        setIfAbsent(response, "X-Content-Type-Options", "nosniff");
        setIfAbsent(response, "Referrer-Policy", "same-origin");
        String path = request.getPath();
        boolean signedIn = request.getUserPrincipal(Authentication.class).isPresent();
        if ((signedIn || path.startsWith("/login") || path.startsWith("/api/")) && STATIC.stream().noneMatch(path::startsWith)) {
            setIfAbsent(response, "Cache-Control", "no-store");
        }
        if (secureCookie) {
            setIfAbsent(response, "Strict-Transport-Security", "max-age=31536000");
        }
    }

    private static void setIfAbsent(MutableHttpResponse<?> response, String name, String value) {
        if (!response.getHeaders().contains(name)) {
            response.getHeaders().add(name, value);
        }
    }

    /** The policy for a response of this media type; an HTML body's {@code <style>} blocks are allowed by hash. */
    static String policy(String mediaType, Object body) {
        if (mediaType.equals(MediaType.APPLICATION_PDF)) {
            return PDF_POLICY;
        }
        if (!mediaType.equals(MediaType.TEXT_HTML)) {
            return DATA_POLICY;
        }
        Set<String> hashes = new LinkedHashSet<>();
        if (body instanceof CharSequence html) {
            Matcher styles = STYLE_BLOCK.matcher(html);
            while (styles.find()) {
                hashes.add(" 'sha256-" + sha256(styles.group(1)) + "'");
            }
        }
        return String.format(PAGE_POLICY, String.join("", hashes));
    }

    private static String sha256(String text) {
        return Base64.getEncoder().encodeToString(Hashes.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
}
