package dk.beskplan.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The logging set up in code (LogConfiguration, docs/operations.md "Logs"): what a line looks like in each format. */
class LogConfigurationTest {

    @Test
    void theRunningApplicationsLoggingIsOurs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger("com.rabbitmq.client.impl").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("text")).isNotNull();
    }

    @Test
    void textLinesCarryTimeLevelThreadLoggerAndMessage() {
        String line = line(null);
        assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  \\[main\\] dk\\.beskplan\\.app\\.Test - Kø 'drafting' tom\\n");
    }

    @Test
    void jsonLinesAreOneObjectEach() {
        String line = line("JSON");
        assertThat(line).startsWith("{").endsWith("}\n").doesNotContain("\n{")
                .contains("\"level\":\"WARN\"", "\"threadName\":\"main\"", "\"loggerName\":\"dk.beskplan.app.Test\"",
                        "\"formattedMessage\":\"Kø 'drafting' tom\"")
                .doesNotContain("sequenceNumber", "nanoseconds", "\"arguments\"");
    }

    @Test
    void quieterLoggersAreQuieter() {
        LoggerContext context = new LoggerContext();
        LogConfiguration.configure(context, "text");
        assertThat(context.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font").isWarnEnabled()).isFalse();
        assertThat(context.getLogger("org.flywaydb.core").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("dk.beskplan").isInfoEnabled()).isTrue();
        assertThat(context.getLogger("dk.beskplan").isDebugEnabled()).isFalse();
    }

    private static String line(String format) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        LogConfiguration.configure(context, format);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.iteratorForAppenders().next();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("dk.beskplan.app.Test"), Level.WARN, "Kø '{}' tom", null,
                new Object[] {"drafting"});
        event.setThreadName("main");
        return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    }
}
