package dk.beskplan.followup.application;

import dk.beskplan.followup.FollowUpModule;
import dk.beskplan.followup.domain.ReminderPolicy;
import dk.beskplan.platform.mail.Mail;
import dk.beskplan.platform.text.DanishFormats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dk.beskplan.followup.application.ReminderRepository.DueRound;
import dk.beskplan.platform.work.PeriodicWorker;
import dk.beskplan.platform.security.UserAccounts;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reminds managers of their missing status tasks and escalates overdue rounds, by e-mail, exactly once per stage and
 * recipient however many instances run (ADR 0007). Each reminder is <em>claimed</em> by inserting its row in
 * {@code followup.reminder}, whose unique key (round, due date, stage, recipient) lets exactly one transaction win;
 * the mail is queued in that same transaction, so a claim without its mail, or a mail without its claim, cannot
 * happen. A restart finds the claims and sends nothing again. Once a round is past its due date it is escalated and
 * its status report compiled with what is missing marked missing; the managers whose reports are missing are told
 * it is overdue at the same time. A round that was already overdue when follow-up opened (a plan approved late) is
 * escalated on the first pass like any other: no round is forgotten.
 */
@Singleton
public class Reminders implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy", Locale.forLanguageTag("da-DK"));

    /** What one pass did: claims won by this instance. */
    public record Tick(int reminders, int escalations, int reportsCompiled) {
    }

    private final FollowUpConfig config;
    private final ReminderRepository reminders;
    private final TaskRepository statusTasks;
    private final TransactionOperations<Connection> transactions;
    private final FollowUpQueries queries;
    private final StatusReports reports;
    private final Settings settings;
    private final UserAccounts users;
    private final Mail mail;
    private final Clock clock;
    private final String instance = "instance-" + UUID.randomUUID().toString().substring(0, 8);
    private final PeriodicWorker worker;
    private final MeterRegistry metrics;

    Reminders(FollowUpConfig config, ReminderRepository reminders, TaskRepository statusTasks, TransactionOperations<Connection> transactions, FollowUpQueries queries,
              StatusReports reports, Settings settings, UserAccounts users, Mail mail, Clock clock, MeterRegistry metrics) {
        this.metrics = metrics;
        count("reminder", 0);
        count("escalation", 0);
        this.config = config;
        this.reminders = reminders;
        this.statusTasks = statusTasks;
        this.transactions = transactions;
        this.queries = queries;
        this.reports = reports;
        this.settings = settings;
        this.users = users;
        this.mail = mail;
        this.clock = clock;
        this.worker = new PeriodicWorker("followup-reminders", config.getSchedulerInterval(),
                this::tickNow);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (config.isSchedulerEnabled()) {
            worker.start();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.stop(Duration.ofSeconds(5));
    }

    /** One pass as of the application clock's today (what the scheduler runs). */
    public Tick tickNow() {
        return tick(LocalDate.now(clock.withZone(Reporting.ZONE)));
    }

    /** One pass over the rounds as of {@code today}; safe to run on any number of instances at once. */
    public Tick tick(LocalDate today) {
        ReminderPolicy policy = config.policy();
        int longest = policy.daysBefore().isEmpty() ? 0 : policy.daysBefore().get(policy.daysBefore().size() - 1);
        List<DueRound> rounds = transactions.executeRead(status -> reminders.dueWithin(longest, today));
        int reminders = 0;
        int escalations = 0;
        int compiled = 0;
        for (DueRound round : rounds) {
            Optional<ReminderPolicy.Stage> stage = policy.stage(round.dueDate(), today);
            if (stage.isEmpty()) {
                continue;
            }
            if (stage.get() instanceof ReminderPolicy.Stage.Escalation) {
                if (Boolean.TRUE.equals(transactions.executeWrite(status -> escalate(round)))) {
                    escalations++;
                }
                for (String owner : ownersWithMissingReports(round)) {
                    if (Boolean.TRUE.equals(transactions.executeWrite(status -> remind(round, new ReminderPolicy.Stage.Overdue(), owner, today)))) {
                        reminders++;
                    }
                }
                if ("OPEN".equals(round.state()) && reports.compileAndSubmit(round.id(), "system:followup").isPresent()) {
                    compiled++;
                }
            } else if ("OPEN".equals(round.state())) {
                for (String owner : ownersWithMissingReports(round)) {
                    if (Boolean.TRUE.equals(transactions.executeWrite(status -> remind(round, stage.get(), owner, today)))) {
                        reminders++;
                    }
                }
            }
        }
        // Counted after their transactions committed (docs/operations.md).
        count("reminder", reminders);
        count("escalation", escalations);
        return new Tick(reminders, escalations, compiled);
    }

    private List<String> ownersWithMissingReports(DueRound round) {
        // a deactivated user gets no reminders; the escalation still names their missing tasks
        return transactions.executeRead(status -> statusTasks.ownersWithMissingReports(round.id()));
    }

    private void count(String kind, int sent) {
        Counter.builder("beskplan.reminders.sent").description("Reminders (to managers) and escalations (to the escalation contact) claimed and queued")
                .tag("kind", kind).register(metrics).increment(sent);
    }

    /** Claims and queues one manager's reminder; false when another instance (or an earlier pass) has it. */
    private boolean remind(DueRound round, ReminderPolicy.Stage stage, String owner, LocalDate today) {
        List<Views.Task> missing = queries.tasksOfRound(round.id()).stream()
                .filter(t -> "OPEN".equals(t.state()) && owner.equals(t.owner())).toList();
        if (missing.isEmpty()) {
            return false;
        }
        Optional<UserAccounts.User> user = users.find(owner);
        String email = user.map(UserAccounts.User::email).orElse(null);
        String subject = stage instanceof ReminderPolicy.Stage.DueDay
                ? "Frist i dag: status på " + round.planTitle() + " – " + round.label()
                : stage instanceof ReminderPolicy.Stage.Overdue
                ? "Frist overskredet: din status på " + round.planTitle() + " – " + round.label() + " mangler"
                : "Påmindelse: status på " + round.planTitle() + " – " + round.label() + ", frist " + DanishFormats.date(round.dueDate());
        UUID id = claim(round, stage, owner, email, missing, subject);
        if (id == null) {
            return false;
        }
        if (email != null) {
            String name = user.map(UserAccounts.User::displayName).orElse(owner);
            mail.queue(FollowUpModule.MODULE, email, subject, stage instanceof ReminderPolicy.Stage.Overdue
                    ? overdueBody(round, name, missing) : reminderBody(round, name, missing, today), "reminder:" + id);
        } else {
            LOG.warn("Reminder {} for {}: the user has no e-mail address; recorded, not sent", id, owner);
        }
        return true;
    }

    /** Claims and queues the escalation of an overdue round to the municipality's escalation contact. */
    private boolean escalate(DueRound round) {
        List<Views.Task> missing = queries.tasksOfRound(round.id()).stream().filter(t -> "OPEN".equals(t.state())).toList();
        if (missing.isEmpty()) {
            return false;
        }
        Settings.View contact = settings.of(round.municipality());
        String email = contact.escalationEmail();
        String subject = "Frist overskredet: status mangler på " + round.planTitle() + " – " + round.label();
        UUID id = claim(round, new ReminderPolicy.Stage.Escalation(), email == null ? "(ingen eskalationskontakt)" : email, email,
                missing, subject);
        if (id == null) {
            return false;
        }
        if (email != null) {
            mail.queue(FollowUpModule.MODULE, email, subject, escalationBody(round, contact.escalationName(), missing), "reminder:" + id);
        } else {
            LOG.warn("Round {} of plan {} is overdue but the municipality {} has no escalation contact", round.label(),
                    round.planTitle(), round.municipality());
        }
        return true;
    }

    /** The claim: exactly one transaction inserts this row; everyone else gets nothing back. */
    private UUID claim(DueRound round, ReminderPolicy.Stage stage, String recipient, String email, List<Views.Task> tasks, String subject) {
        UUID id = UUID.randomUUID();
        boolean won = reminders.claim(id, round.id(), round.dueDate(), stage.key(), recipient, email,
                tasks.stream().map(t -> t.id().toString()).toArray(String[]::new), subject, clock.instant(), instance);
        return won ? id : null;
    }

    private String reminderBody(DueRound round, String name, List<Views.Task> missing, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, round.dueDate());
        String when = days <= 0 ? "i dag" : days == 1 ? "i morgen" : "om " + days + " dage";
        StringBuilder body = letterTo(name)
                .append("Du er ansvarlig for at afgive status på ").append(round.planTitle()).append(" (")
                .append(users.municipalityName(round.municipality())).append("), ").append(round.label()).append(".\n")
                .append("Fristen er ").append(DAY.format(round.dueDate())).append(" (").append(when).append(").\n\n")
                .append("Der mangler status på ").append(theseCriteria(missing))
                .append(":\n");
        appendByGoal(body, missing, true);
        return signed(body, "Alle dine opgaver", "/followup/opgaver");
    }

    private String overdueBody(DueRound round, String name, List<Views.Task> missing) {
        StringBuilder body = letterTo(name)
                .append(deadlineWas(round))
                .append(", og din status mangler stadig på ")
                .append(theseCriteria(missing)).append(".\n")
                .append("Statusrapporten sendes til udvalget med dem markeret som manglende, og jobcentrets eskalationskontakt har fået besked.\n")
                .append("Du kan stadig afgive status; den kommer med i planens opfølgning som afgivet efter fristen.\n");
        appendByGoal(body, missing, true);
        return signed(body, "Alle dine opgaver", "/followup/opgaver");
    }

    private String escalationBody(DueRound round, String name, List<Views.Task> missing) {
        StringBuilder body = letterTo(name == null ? "eskalationskontakt" : name)
                .append(deadlineWas(round))
                .append(".\nDer mangler stadig status på ").append(missing.size()).append(missing.size() == 1 ? " succeskriterium" : " succeskriterier")
                .append(". Statusrapporten sendes til udvalget med dem markeret som manglende.\n");
        appendByGoal(body, missing, false);
        return signed(body, "Planens status", "/followup/planer/" + round.planId());
    }

    private static StringBuilder letterTo(String name) {
        return new StringBuilder("Kære ").append(name).append("\n\n");
    }

    /** "Fristen for Årlig status 2025 på Beskæftigelsesplan 2025 (Holbæk Kommune) var 31. december 2025". */
    private String deadlineWas(DueRound round) {
        return "Fristen for " + round.label() + " på " + round.planTitle() + " (" + users.municipalityName(round.municipality())
                + ") var " + DAY.format(round.dueDate());
    }

    private static String theseCriteria(List<Views.Task> missing) {
        return missing.size() == 1 ? "dette succeskriterium" : "disse " + missing.size() + " succeskriterier";
    }

    /** The mail's last link, then the signature. */
    private String signed(StringBuilder body, String linkText, String path) {
        return body.append('\n').append(linkText).append(": ").append(mail.link(path)).append("\n\n")
                .append("Med venlig hilsen\nBeskplan\n").toString();
    }

    private void appendByGoal(StringBuilder body, List<Views.Task> tasks, boolean links) {
        Map<String, List<Views.Task>> byGoal = new LinkedHashMap<>();
        for (Views.Task t : tasks) {
            byGoal.computeIfAbsent(t.goalLabel() + ": " + t.goalTitle(), k -> new ArrayList<>()).add(t);
        }
        byGoal.forEach((goal, list) -> {
            body.append('\n').append(goal);
            if (!links && list.get(0).owner() != null) {
                body.append(" (ansvarlig: ").append(users.find(list.get(0).owner()).map(UserAccounts.User::displayName)
                        .orElse(list.get(0).owner())).append(')');
            }
            body.append('\n');
            for (Views.Task t : list) {
                body.append("  - ").append(t.name()).append(": ").append(t.criterionText()).append('\n');
                if (links) {
                    body.append("    Afgiv status: ").append(mail.link("/followup/opgaver/" + t.id())).append('\n');
                }
            }
        });
    }
}
