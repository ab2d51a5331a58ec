package dk.beskplan.platform.mail;

import dk.beskplan.platform.ModuleDescriptor;
import dk.beskplan.platform.persistence.Sql;
import io.micronaut.context.MessageSource;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.Locale;
import java.util.UUID;

/**
 * Queues an e-mail in the calling module's transaction (its {@code mail_outbox}), so a mail exists exactly
 * when the change that causes it does; {@link MailSender} delivers it after the commit. One {@code cause}
 * (a decision id, a reminder id) queues at most one mail, so a message applied twice cannot mail twice.
 */
@Singleton
public class Mail {
    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final MailSender sender;
    private final MessageSource messages;

    public Mail(Sql sql, TransactionOperations<Connection> transactions, MailSender sender, MessageSource messages) {
        this.sql = sql;
        this.transactions = transactions;
        this.sender = sender;
        this.messages = messages;
    }

    /** @return false when a mail for this cause was queued before (nothing new is queued) */
    public boolean queue(ModuleDescriptor module, String recipient, String subject, String body, String cause) {
        var status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("Mail.queue needs a transaction"));
        int rows = sql.update("insert into " + module.table("mail_outbox") + " (id, recipient, subject, body, cause)"
                + " values (?, ?, ?, ?, ?) on conflict (cause) do nothing", UUID.randomUUID(), recipient, subject, body, cause);
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.wake();
            }
        });
        return rows == 1;
    }

    /**
     * A mail text from the module's message bundle, in Danish, with {@code {0}}, {@code {1}} … filled in. A missing
     * key is a defect of the release, not something to mail around: it fails loudly (and the change with it).
     */
    public String text(String key, Object... values) {
        return messages.getMessage(key, DANISH, values)
                .orElseThrow(() -> new IllegalStateException("No mail text " + key + " in any message bundle"));
    }

    /** A link into the application for a mail body. */
    public String link(String path) {
        return sender.baseUrl() + path;
    }
}
