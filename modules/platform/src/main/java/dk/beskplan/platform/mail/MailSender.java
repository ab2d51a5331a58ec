package dk.beskplan.platform.mail;

import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.persistence.Sql;
import dk.beskplan.platform.work.PeriodicWorker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Delivers queued mail from every module's {@code mail_outbox} over SMTP, in the background: woken after
 * each commit that queued mail, and on a sweep for mail that failed before. A row is locked while it is
 * sent ({@code for update skip locked}), so two instances never send the same mail; it is marked sent
 * only after the SMTP server accepted it. A crash between the two sends it again with the same
 * Message-ID, which mail clients recognise as the same mail. Failures back off, up to an hour.
 */
@Singleton
public class MailSender implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final int BATCH = 20;

    private record Queued(UUID id, String recipient, String subject, String body, int attempts) {
    }

    private final MailConfig config;
    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final List<ModuleDescriptor> modules;
    private final PeriodicWorker worker;
    private final MeterRegistry metrics;

    public MailSender(MailConfig config, Sql sql, TransactionOperations<Connection> transactions, List<ModuleDescriptor> modules,
                      MeterRegistry metrics) {
        this.metrics = metrics;
        for (ModuleDescriptor module : modules) {
            // Shown from the start, at 0, so a rate over them exists before the first mail.
            count("beskplan.mail.sent", "Mails the SMTP server accepted", module, 0);
            count("beskplan.mail.failed", "Attempts to send a mail that failed (each is retried later)", module, 0);
        }
        this.config = config;
        this.sql = sql;
        this.transactions = transactions;
        this.modules = modules;
        this.worker = new PeriodicWorker("mail-sender", config.getSweepInterval(), this::sendDue);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (config.isEnabled()) {
            worker.start();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.stop(config.getTimeout().plusSeconds(1));
    }

    void wake() {
        worker.wake();
    }

    String baseUrl() {
        return config.getBaseUrl();
    }

    /** One pass: every module's mail outbox, a batch at a time, until none is full. */
    private void sendDue() {
        for (ModuleDescriptor module : modules) {
            while (worker.running() && sendBatch(module) == BATCH) {
                // more waiting: keep going
            }
        }
    }

    /** Sends what is due in one module's mail outbox, in one transaction holding the rows' locks. */
    private int sendBatch(ModuleDescriptor module) {
        return transactions.executeWrite(status -> {
            List<Queued> due = sql.query("select id, recipient, subject, body, attempts from " + module.table("mail_outbox")
                            + " where sent_at is null and next_attempt_at <= now() order by created_at limit " + BATCH
                            + " for update skip locked",
                    rs -> new Queued(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
                            rs.getString("body"), rs.getInt("attempts")));
            for (Queued mail : due) {
                try {
                    send(mail);
                    sql.update("update " + module.table("mail_outbox") + " set sent_at = now(), attempts = attempts + 1,"
                            + " last_error = null where id = ?", mail.id());
                    count("beskplan.mail.sent", "Mails the SMTP server accepted", module);
                } catch (MessagingException e) {
                    Duration backoff = Duration.ofSeconds(Math.min(3600, 15L << Math.min(mail.attempts(), 8)));
                    LOG.warn("Mail {} to {} not sent (attempt {}), retrying in {}: {}", mail.id(), mail.recipient(),
                            mail.attempts() + 1, backoff, e.getMessage());
                    sql.update("update " + module.table("mail_outbox") + " set attempts = attempts + 1, last_error = ?,"
                            + " next_attempt_at = ? where id = ?", String.valueOf(e.getMessage()), Instant.now().plus(backoff), mail.id());
                    count("beskplan.mail.failed", "Attempts to send a mail that failed (each is retried later)", module);
                }
            }
            return due.size();
        });
    }

    private void count(String name, String description, ModuleDescriptor module) {
        count(name, description, module, 1);
    }

    private void count(String name, String description, ModuleDescriptor module, int amount) {
        Counter.builder(name).description(description).tag("module", module.name()).register(metrics).increment(amount);
    }

    private void send(Queued mail) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", config.getHost());
        properties.put("mail.smtp.port", Integer.toString(config.getPort()));
        properties.put("mail.smtp.connectiontimeout", Long.toString(config.getTimeout().toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(config.getTimeout().toMillis()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // The same mail always has the same id, so a resend after a crash is recognisably the same.
                setHeader("Message-ID", "<" + mail.id() + "@beskplan>");
            }
        };
        message.setFrom(new InternetAddress(config.getFrom()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        Transport.send(message);
    }
}
