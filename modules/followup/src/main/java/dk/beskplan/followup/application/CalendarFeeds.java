package dk.beskplan.followup.application;

import dk.beskplan.followup.application.Ical;
import dk.beskplan.platform.domain.Hashes;
import dk.beskplan.platform.mail.Mail;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.NotFound;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A manager's deadlines as an iCal feed for their calendar program. Calendar programs cannot log in, so the feed's
 * address carries a random token (only its SHA-256 is stored); a new address makes the old one stop working.
 */
@Singleton
public class CalendarFeeds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final CalendarFeedRepository feeds;
    private final FollowUpQueries queries;
    private final Mail mail;
    private final Clock clock;
    private final dk.beskplan.platform.security.UserAccounts users;

    CalendarFeeds(CalendarFeedRepository feeds, FollowUpQueries queries, Mail mail, Clock clock, dk.beskplan.platform.security.UserAccounts users) {
        this.users = users;
        this.feeds = feeds;
        this.queries = queries;
        this.mail = mail;
        this.clock = clock;
    }

    /** A new feed address for the user (the previous one stops working); shown once. */
    @Transactional
    public String newFeed(CurrentUser user) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        feeds.save(user.username(), Hashes.sha256Hex(token), clock.instant());
        return mail.link("/followup/kalender/" + token + ".ics");
    }

    @Transactional
    public boolean hasFeed(CurrentUser user) {
        return feeds.exists(user.username());
    }

    /** The feed for a token: one all-day event per round with the manager's open tasks, on its due date. */
    @Transactional
    public String feed(String token) {
        String username = feeds.owner(Hashes.sha256Hex(token))
                .orElseThrow(() -> new NotFound("Kalenderen findes ikke"));
        // The token dies with the account and with the manager role, checked on every request against the platform's
        // accounts (the shared sign-in service): a deactivated user, a closed municipality or a user no longer a manager
        // gets nothing, even before the message that removes the row has arrived.
        CurrentUser owner = users.find(username).filter(u -> users.maySignIn(u) && u.roles().contains(Roles.MANAGER))
                .map(u -> new CurrentUser(username, u.municipality(), u.roles()))
                .orElseThrow(() -> new NotFound("Kalenderen findes ikke"));
        Map<UUID, List<Views.Task>> byRound = new LinkedHashMap<>();
        for (Views.Task task : queries.openTasks(owner)) {
            byRound.computeIfAbsent(task.roundId(), k -> new ArrayList<>()).add(task);
        }
        List<Ical.Event> events = new ArrayList<>();
        byRound.forEach((roundId, tasks) -> {
            Views.Task first = tasks.get(0);
            StringBuilder description = new StringBuilder("Status mangler på:\n");
            tasks.forEach(t -> description.append("- ").append(t.goalLabel()).append(", ").append(t.name()).append(": ")
                    .append(t.criterionText()).append('\n'));
            events.add(new Ical.Event(roundId + "-" + username + "@beskplan", first.dueDate(),
                    "Frist: status på " + first.planTitle() + " – " + first.roundLabel() + " (" + tasks.size() + ")",
                    description.toString(), mail.link("/followup/opgaver")));
        });
        return Ical.calendar("Beskplan: mine statusfrister", events, clock.instant());
    }
}
