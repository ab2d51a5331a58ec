package dk.beskplan.platform.web;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person in a browser who meets an error sees a Danish page in the site's layout (title, menu, a way back),
 * not a problem document. Every error is produced once, as problem+json (our refusals, Micronaut's own errors,
 * the CSRF and authorization checks); this filter turns it into a page when the request came from a page
 * ({@link Problems#wantsPage}). API clients and htmx requests keep the problem document.
 *
 * <p>Ordered before the security phase, so on the way back it sees every response, the CSRF filter's refusals
 * included.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ErrorPages implements Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");
    /** Statuses with their own advice in the platform bundle ({@code error.advice.<status>}). */
    private static final java.util.Set<Integer> ADVISED = java.util.Set.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 429, 500, 503);

    private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    public ErrorPages(ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.renderer = renderer;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @ResponseFilter
    public void renderForPeople(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!Problems.wantsPage(request) || request.getHeaders().contains("HX-Request")) {
            return;
        }
        boolean problem = response.getContentType().map(t -> t.getName().equals(Problems.PROBLEM_JSON.getName())).orElse(false);
        if (!problem || !(response.getBody().orElse(null) instanceof Map<?, ?> body)) {
            return;
        }
        int status = response.getStatus().getCode();
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("title", body.get("title") instanceof String t ? t : "Fejl");
        model.put("detail", body.get("detail") instanceof String d ? d : "");
        model.put("errors", body.get("errors") instanceof List<?> errors ? errors : List.of());
        model.put("adviceKey", dk.beskplan.platform.security.CsrfFilter.FORM_REFUSED.equals(model.get("title")) ? "error.advice.form"
                : "error.advice." + (ADVISED.contains(status) ? status : status >= 500 ? 500 : 400));
        model.put("back", sameSiteReferer(request)
                .filter(path -> !path.equals(request.getPath()) || !io.micronaut.http.HttpMethod.GET.equals(request.getMethod()))
                .orElse(null));
        model.put("loginHref", "/login?next=" + URLEncoder.encode(request.getPath(), StandardCharsets.UTF_8));
        try {
            Optional<Writable> page = renderer.render(new ModelAndView<>("platform/error", model), request, MediaType.TEXT_HTML);
            if (page.isPresent()) {
                StringWriter html = new StringWriter();
                page.get().writeTo(html);
                ((MutableHttpResponse<Object>) response).body(html.toString()).contentType(HTML);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("The error page for {} {} could not be rendered; the problem document is sent instead", status, request.getPath(), e);
        }
    }

    /** The page the person came from, if it is one of ours: a way back that cannot lead off the site. */
    public static Optional<String> sameSiteReferer(HttpRequest<?> request) {
        String referer = request.getHeaders().get("Referer");
        if (referer == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(referer);
            String host = request.getHeaders().get("Host");
            if (uri.getHost() == null || host == null || !host.startsWith(uri.getHost())) {
                return Optional.empty();
            }
            String path = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
            return path.startsWith("/") && !path.startsWith("//") ? Optional.of(path) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
