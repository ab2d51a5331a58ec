package dk.beskplan.platform.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.views.thymeleaf.MessageSourceMessageResolver;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Page texts with Java's message formats, e.g. {@code {0,choice,1#1 dokument fundet|1<{0} dokumenter fundet}} or
 * {@code {0,number,#.#}}: Micronaut's message source only replaces plain {@code {0}}, so these appeared raw on the
 * page. Texts with a format type are formatted with {@link MessageFormat} in the page's locale (Danish); plain
 * texts are left to Micronaut as before, so an apostrophe in them needs no escaping.
 */
@Singleton
@Replaces(MessageSourceMessageResolver.class)
public class FormattedMessages extends MessageSourceMessageResolver {

    public FormattedMessages(MessageSource messageSource) {
        super(new Formatting(messageSource));
    }

    /** The application's message source, with {@link MessageFormat} for texts that use a format type. */
    static final class Formatting implements MessageSource {
        private static final Pattern FORMAT_TYPE = Pattern.compile("\\{\\d+,\\s*(choice|number|date|time)");
        private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
        private final MessageSource messages;

        Formatting(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        public Optional<String> getRawMessage(String code, MessageContext context) {
            return messages.getRawMessage(code, context);
        }

        @Override
        public Optional<String> getMessage(String code, MessageContext context) {
            return getRawMessage(code, context); // interpolated once, by the resolver
        }

        @Override
        public String interpolate(String template, MessageContext context) {
            if (!FORMAT_TYPE.matcher(template).find()) {
                return messages.interpolate(template, context);
            }
            // Thymeleaf's arguments arrive as strings named "0", "1", ...; numbers become numbers again for choice.
            List<Object> arguments = new ArrayList<>();
            for (int i = 0; context.getVariables().containsKey(String.valueOf(i)); i++) {
                Object value = context.getVariables().get(String.valueOf(i));
                arguments.add(value instanceof String s && NUMBER.matcher(s).matches() ? new BigDecimal(s) : value);
            }
            return new MessageFormat(template, context.getLocale()).format(arguments.toArray());
        }

        @Override
        public int getOrder() {
            return messages.getOrder();
        }
    }
}
