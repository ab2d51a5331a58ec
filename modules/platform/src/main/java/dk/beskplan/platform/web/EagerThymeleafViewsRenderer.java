package dk.beskplan.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;

/**
 * Renders a page completely before the response starts. The stock renderer writes while the response is
 * being sent, so a template error left the browser waiting for ever with no status; rendered up front,
 * the error becomes an ordinary 500 problem response and is logged once.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
public class EagerThymeleafViewsRenderer<T> extends ThymeleafViewsRenderer<T> {

    public EagerThymeleafViewsRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                                       ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter page = new StringWriter();
        try {
            super.render(viewName, data, request).writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
