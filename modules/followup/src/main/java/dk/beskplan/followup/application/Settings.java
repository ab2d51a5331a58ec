package dk.beskplan.followup.application;

import dk.beskplan.followup.domain.ReportingSchedule;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import dk.beskplan.platform.web.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A municipality's follow-up settings: when the annual round is due, whether it adds a mid-year round, whom overdue
 * rounds are escalated to, and the default manager of new plans' goals. They apply to plans opened afterwards.
 */
@Singleton
public class Settings {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The settings as the API shows and takes them; dates are {@code MM-DD}. */
    @Serdeable
    public record View(String municipality, String annualDue, boolean midYear, String midYearDue,
                       @Nullable String escalationName, @Nullable String escalationEmail, @Nullable String defaultManager,
                       int version) {
        public ReportingSchedule schedule() {
            return new ReportingSchedule(monthDay(annualDue), midYear, monthDay(midYearDue));
        }
    }

    /** What an update sends; {@code version} is the one read (optimistic locking). */
    @Serdeable
    public record Update(@Nullable String annualDue, @Nullable Boolean midYear, @Nullable String midYearDue,
                         @Nullable String escalationName, @Nullable String escalationEmail, @Nullable String defaultManager,
                         @Nullable Integer version) {
    }

    private final SettingsRepository repository;
    private final UserAccounts users;
    private final Clock clock;

    Settings(SettingsRepository repository, UserAccounts users, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public View of(String municipality) {
        return repository.find(municipality).orElse(new View(municipality, "12-31", false, "06-30", null, null, null, 0));
    }

    @Transactional
    public View update(Update update, CurrentUser user) {
        if (user.municipality() == null) {
            throw InvalidInput.field("municipality", "indstillinger hører til en kommune; log ind som kommunens bruger");
        }
        View current = of(user.municipality());
        if (update.version() != null && update.version() != current.version()) {
            throw new Conflict("Indstillingerne er ændret af en anden siden du hentede dem; hent dem igen");
        }
        List<ProblemException.FieldError> errors = new ArrayList<>();
        String annual = orElse(update.annualDue(), current.annualDue());
        String midYearDue = orElse(update.midYearDue(), current.midYearDue());
        checkMonthDay("annualDue", annual, errors);
        checkMonthDay("midYearDue", midYearDue, errors);
        TextRules.singleLine(update.escalationName(), "escalationName", errors);
        boolean midYear = update.midYear() == null ? current.midYear() : update.midYear();
        if (midYear && errors.isEmpty() && !monthDay(midYearDue).isBefore(monthDay(annual))) {
            errors.add(new ProblemException.FieldError("midYearDue", "halvårsstatus skal ligge før den årlige status (" + annual + ")"));
        }
        String email = blankToNull(update.escalationEmail());
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new ProblemException.FieldError("escalationEmail", "skal være en e-mailadresse som navn@kommune.dk"));
        }
        String manager = blankToNull(update.defaultManager());
        if (manager != null && !isManager(manager, user.municipality())) {
            errors.add(new ProblemException.FieldError("defaultManager", "»" + manager + "« er ikke leder i kommunen"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        repository.save(user.municipality(), annual, midYear, midYearDue, blankToNull(update.escalationName()), email, manager,
                user.username(), clock.instant());
        return of(user.municipality());
    }

    boolean isManager(String username, String municipality) {
        return users.withRole(municipality, Roles.MANAGER).stream().anyMatch(u -> u.username().equals(username));
    }

    static MonthDay monthDay(String text) {
        return MonthDay.parse("--" + text);
    }

    private static void checkMonthDay(String field, String value, List<ProblemException.FieldError> errors) {
        try {
            if (value == null || !value.matches("\\d{2}-\\d{2}")) {
                throw new DateTimeException(field);
            }
            monthDay(value);
        } catch (DateTimeException e) {
            errors.add(new ProblemException.FieldError(field, "skal være måned og dag som 12-31"));
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
