package dk.beskplan.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;

/**
 * The application's logging, set up in code: logback finds it through {@code META-INF/services} before it looks for
 * an XML file. Parsing a {@code logback.xml} was 5–10 % of the main thread's work in a start (docs/performance.md).
 *
 * <p>{@code BESKPLAN_LOG_FORMAT} chooses the lines: {@code text} (default) or {@code json}, one JSON object per line
 * (logback's {@link JsonEncoder}: timestamp, level, threadName, loggerName, message, mdc, throwable) for a log
 * collector (docs/operations.md, "Logs"). An operator's own file still wins: with {@code -Dlogback.configurationFile}
 * (or a {@code logback-test.xml} on the class path) logback reads that file as usual.
 */
public class LogConfiguration extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    /** Quieter than INFO, and why. */
    static final Map<String, Level> LEVELS = Map.of(
            // The AMQP client logs every failed reconnect at WARN with a stack trace; our connector says it once.
            "com.rabbitmq.client.impl", Level.ERROR,
            "org.flywaydb", Level.WARN,
            // openhtmltopdf sets up PDF's standard fonts for every PDF, and PDFBox warns each time that this machine has
            // no ZapfDingbats. No document uses them: every font a PDF shows is embedded (docs/adr/0022, veraPDF).
            "org.apache.pdfbox.pdmodel.font.PDType1Font", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfiguration.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, System.getenv("BESKPLAN_LOG_FORMAT"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The console appender for the format ("json", otherwise text), the root at INFO and the quieter loggers. */
    static void configure(LoggerContext context, String format) {
        boolean json = "json".equalsIgnoreCase(format);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(json ? "json" : "text");
        console.setEncoder(json ? jsonEncoder(context) : textEncoder(context));
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithArguments(false);
        encoder.start();
        return encoder;
    }
}
