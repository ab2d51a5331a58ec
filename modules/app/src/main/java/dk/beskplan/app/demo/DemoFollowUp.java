package dk.beskplan.app.demo;

import dk.beskplan.followup.application.FollowUpQueries;
import dk.beskplan.followup.application.FollowUpSteering;
import dk.beskplan.followup.application.Reminders;
import dk.beskplan.followup.application.Reporting;
import dk.beskplan.followup.application.RoundClosing;
import dk.beskplan.followup.application.Settings;
import dk.beskplan.followup.application.Views;
import dk.beskplan.platform.demo.DemoUsers;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Demo mode only: Holbæk 2025 in follow-up. Holbæk reports at mid-year as well, and escalates overdue rounds to its
 * job centre director. Goals 4–6 belong to a second manager. The mid-year round 2025 is fully reported, so its status
 * report (traffic lights, charts) went to the committee and waits in the secretary's in-box; the annual round is
 * partly reported, its due date moved to ten days from now (the national data came late), so the reminders of both
 * managers have gone out (see Mailpit). The values are invented for the demo.
 * <p>
 * Holbæk 2023 was approved in December 2022, so its rounds were overdue the day follow-up opened: the official closed
 * its mid-year round as not followed up (it was followed up before Beskplan), and its annual round is escalated to the
 * job centre director (the mail is in Mailpit), its report sent with everything marked missing, and it stays at the
 * top of the manager's "Mine opgaver" as overdue.
 */
@Singleton
@Requires(env = "demo")
public class DemoFollowUp {
    private static final Logger LOG = LoggerFactory.getLogger(DemoFollowUp.class);
    private static final String MUNICIPALITY = "316";
    private static final String TITLE = "Beskæftigelsesplan 2025";
    private static final String HISTORIC_TITLE = "Beskæftigelsesplan 2023";
    static final String NOT_FOLLOWED_UP = "Halvåret 2023 blev fulgt op uden for Beskplan, før planen kom ind i systemet.";
    static final String SECOND_MANAGER = "holbaek.leder2";

    /** A demo value per criterion (goal, criterion) for one round: value, comparison, comment. */
    private record Value(int goal, int criterion, Double value, Double comparison, String comment) {
    }

    private static final List<Value> MID_YEAR = List.of(
            new Value(0, 1, null, null, "Holbæk ligger i benchmarkens midterfelt; forsørgelsestrykket falder lidt hurtigere end forventet."),
            new Value(0, 2, 14.9, 15.6, null),
            new Value(1, 1, 78.0, null, "Målingen i foråret viser fortsat høj tilfredshed."),
            new Value(1, 2, 71.0, null, "Færre oplever at blive hørt; vi afprøver fælles planlægning af samtaler."),
            new Value(1, 3, 54.0, null, null),
            new Value(1, 4, 13.2, 12.1, "Flere klager over sygedagpengesager; gennemgang af praksis er i gang."),
            new Value(2, 1, 11.8, 12.0, null),
            new Value(3, 1, 48.3, 44.0, "Tæt på målet; virksomhedsrettede forløb udvides i efteråret."),
            new Value(4, 1, 131.0, 118.0, null),
            new Value(5, 1, 83.0, null, null),
            new Value(5, 2, 61.0, null, "Færre virksomheder oplever et fast kontaktpunkt; ny model indføres."),
            new Value(5, 3, 62.0, 60.0, null),
            new Value(5, 4, 71.0, 74.0, "Mangel på kandidater inden for pleje og byggeri."),
            new Value(6, 1, 3.4, 2.6, null));

    /** The annual round so far: the first manager's goals, one criterion still missing. */
    private static final List<Value> ANNUAL = List.of(
            new Value(0, 1, null, null, "Holbæk klarer sig bedre end rammebetingelserne på fire af seks målgrupper."),
            new Value(0, 2, 14.6, 15.4, null),
            new Value(1, 1, 79.0, null, null),
            new Value(1, 2, 74.0, null, "Fremgang efter den fælles samtaleplanlægning, men endnu ikke i mål."),
            new Value(1, 3, 56.0, null, null),
            new Value(2, 1, 12.4, 12.2, null));

    private final DemoUsers demoUsers;
    private final UserAccounts users;
    private final Settings settings;
    private final FollowUpQueries queries;
    private final Reporting reporting;
    private final FollowUpSteering steering;
    private final Reminders reminders;
    private final Clock clock;

    private final RoundClosing closing;

    public DemoFollowUp(DemoUsers demoUsers, UserAccounts users, Settings settings, FollowUpQueries queries, Reporting reporting,
                        FollowUpSteering steering, Reminders reminders, Clock clock, RoundClosing closing) {
        this.closing = closing;
        this.demoUsers = demoUsers;
        this.users = users;
        this.settings = settings;
        this.queries = queries;
        this.reporting = reporting;
        this.steering = steering;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** Before any plan is approved: Holbæk's follow-up settings and its second manager. */
    @EventListener
    void onStartup(StartupEvent event) {
        demoUsers.ensure();
        if (users.find(SECOND_MANAGER).isEmpty()) {
            users.save(SECOND_MANAGER, "Mads Møller (leder)", SECOND_MANAGER + "@demo.beskplan.dk", MUNICIPALITY, Set.of(Roles.MANAGER),
                    DemoUsers.PASSWORD);
        }
        Settings.View current = settings.of(MUNICIPALITY);
        if (current.version() == 0) {
            settings.update(new Settings.Update("12-31", true, "06-30", "Jonas Juul, jobcenterchef", "jobcenterchef@demo.beskplan.dk",
                    "holbaek.leder", 0), new CurrentUser("holbaek.embedsmand", MUNICIPALITY, Set.of(Roles.OFFICIAL)));
        }
    }

    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        Thread loader = new Thread(this::load, "demo-followup");
        loader.setDaemon(true);
        loader.start();
    }

    void load() {
        try {
            CurrentUser official = new CurrentUser("holbaek.embedsmand", MUNICIPALITY, Set.of(Roles.OFFICIAL));
            Views.Plan historic = awaitInFollowUp(official, HISTORIC_TITLE);
            Views.Plan plan = awaitInFollowUp(official, TITLE);
            if (plan == null || historic == null) {
                LOG.warn("Demo follow-up: {} or {} never reached follow-up", TITLE, HISTORIC_TITLE);
                return;
            }
            closeHistoricMidYearRound(historic, official);
            List<Views.Round> rounds = queries.rounds(plan.planId(), official);
            Views.Round midYear = rounds.stream().filter(r -> r.kind().equals("MID_YEAR") && r.year() == 2025).findFirst().orElse(null);
            Views.Round annual = rounds.stream().filter(r -> r.kind().equals("ANNUAL") && r.year() == 2025).findFirst().orElse(null);
            if (midYear == null || annual == null || !"OPEN".equals(midYear.state())) {
                return; // set up at an earlier start (or the settings were changed by hand)
            }
            for (Views.Goal goal : queries.goals(plan.planId(), official)) {
                if (goal.number() >= 4) {
                    steering.assign(plan.planId(), goal.number(), SECOND_MANAGER, official);
                }
            }
            report(plan, midYear, MID_YEAR, LocalDate.of(2025, 5, 31));
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
            steering.moveDueDate(plan.planId(), annual.id(), today.plusDays(10), official);
            report(plan, annual, ANNUAL, LocalDate.of(2025, 11, 30));
            Reminders.Tick tick = reminders.tick(today);
            LOG.info("Demo follow-up: {} mid-year round reported and sent to the committee, annual round partly reported;"
                    + " {} reminders sent, {} overdue rounds escalated", TITLE, tick.reminders(), tick.escalations());
        } catch (Exception e) {
            LOG.warn("Demo follow-up not loaded", e);
        }
    }

    private void report(Views.Plan plan, Views.Round round, List<Value> values, LocalDate measuredOn) {
        for (Views.Task task : queries.overview(plan.planId(), new CurrentUser("holbaek.embedsmand", MUNICIPALITY, Set.of(Roles.OFFICIAL)))
                .goals().stream().flatMap(g -> g.criteria().stream()).flatMap(c -> c.tasks().stream())
                .filter(t -> t.roundId().equals(round.id())).toList()) {
            values.stream().filter(v -> v.goal() == task.goalNumber() && v.criterion() == task.criterionNumber()).findFirst()
                    .ifPresent(v -> reporting.report(task.id(), new Reporting.ReportInput(v.value(), v.comparison(),
                            v.value() == null ? null : measuredOn, null, v.comment()), task.version(),
                            new CurrentUser(task.owner(), MUNICIPALITY, Set.of(Roles.MANAGER))));
        }
    }

    /** Holbæk 2023's mid-year round was followed up before the plan came into Beskplan: closed as not followed up. */
    private void closeHistoricMidYearRound(Views.Plan historic, CurrentUser official) {
        queries.rounds(historic.planId(), official).stream()
                .filter(r -> r.kind().equals("MID_YEAR") && r.year() == 2023 && r.state().equals("OPEN")).findFirst()
                .ifPresent(r -> closing.closeNotFollowedUp(historic.planId(), r.id(), NOT_FOLLOWED_UP, official));
    }

    private Views.Plan awaitInFollowUp(CurrentUser official, String title) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Views.Plan plan = queries.plans(official).stream().filter(p -> p.title().equals(title)).findFirst().orElse(null);
            if (plan != null) {
                return plan;
            }
            Thread.sleep(500);
        }
        return null;
    }
}
