package dk.beskplan.approval.application;

import dk.beskplan.approval.ApprovalModule;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.platform.mail.Mail;
import dk.beskplan.platform.mail.MailedPlan;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.text.DanishFormats;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The secretaries of the committee that is to decide on a plan hear when the administration submits it and when it
 * takes it back, so nobody has to watch the in-box. Queued in the transaction that records the submission or the
 * withdrawal; one mail per secretary and event (the cause names both), so a redelivered message mails nobody twice.
 * Before any committee is set up, the municipality's secretaries are told instead.
 */
@Singleton
class SecretaryMail {
    private static final Logger LOG = LoggerFactory.getLogger(SecretaryMail.class);

    private final Mail mail;
    private final UserAccounts users;
    private final CommitteeRepository committees;

    SecretaryMail(Mail mail, UserAccounts users, CommitteeRepository committees) {
        this.mail = mail;
        this.users = users;
        this.committees = committees;
    }

    /**
     * A plan arrived: what happens next is the hearing (with its deadline), its old place on a meeting's agenda, or the
     * in-box.
     */
    void planSubmitted(MailedPlan plan, int revision, String committeeName, Submission submission, String submittedBy,
                       @Nullable LocalDate hearingDeadline, @Nullable Meeting backOnAgendaOf) {
        String next;
        String link;
        if (backOnAgendaOf != null) {
            next = mail.text("mail.submitted.next.agenda", DanishFormats.date(backOnAgendaOf.date()));
            link = mail.link("/approval/moeder/" + backOnAgendaOf.id());
        } else if (submission.status() == Submission.Status.IN_HEARING) {
            ApprovalRoute.Hearing hearing = (ApprovalRoute.Hearing) submission.route().stage(submission.stage());
            next = mail.text("mail.submitted.next.hearing", hearing.body(), DanishFormats.date(hearingDeadline));
            link = mail.link("/approval/inbox#plan-" + plan.planId());
        } else {
            next = mail.text("mail.submitted.next.inbox");
            link = mail.link("/approval/inbox#plan-" + plan.planId());
        }
        Decider decider = decider(submission, plan.municipality(), committeeName);
        String municipality = users.municipalityName(plan.municipality());
        String subject = mail.text("mail.submitted.subject", plan.title(), municipality, plan.period());
        for (UserAccounts.User secretary : decider.secretaries()) {
            String body = mail.text("mail.submitted.body", secretary.displayName(), nameOf(submittedBy), plan.title(), municipality,
                    plan.period(), decider.name(), revision, next, link);
            queue(secretary, subject, body, "submitted:" + plan.planId() + ":" + revision + ":" + secretary.username());
        }
    }

    /** The administration took the plan back; if it was on a planned meeting's agenda, the item is marked withdrawn. */
    void planWithdrawn(MailedPlan plan, int revision, String committeeName, Submission submission, String withdrawnBy,
                       @Nullable String reason, @Nullable Meeting fromAgendaOf) {
        Decider decider = decider(submission, plan.municipality(), committeeName);
        String municipality = users.municipalityName(plan.municipality());
        String subject = mail.text("mail.withdrawn.subject", plan.title(), municipality, plan.period());
        String agenda = fromAgendaOf == null ? "" : mail.text("mail.withdrawn.agenda", DanishFormats.date(fromAgendaOf.date()));
        String why = reason == null || reason.isBlank() ? "" : mail.text("mail.withdrawn.reason", reason.strip());
        String link = mail.link(fromAgendaOf == null ? "/approval/inbox" : "/approval/moeder/" + fromAgendaOf.id());
        for (UserAccounts.User secretary : decider.secretaries()) {
            String body = mail.text("mail.withdrawn.body", secretary.displayName(), nameOf(withdrawnBy), plan.title(), municipality,
                    plan.period(), decider.name(), revision, agenda, why, link);
            queue(secretary, subject, body, "withdrawn:" + plan.planId() + ":" + revision + ":" + secretary.username());
        }
    }

    /** The committee whose turn it is (or comes after a hearing), and its secretaries. */
    private record Decider(String name, List<UserAccounts.User> secretaries) {
    }

    /** {@code namedInPlan}: the committee the plan itself names, for the mail while no committee is set up. */
    private Decider decider(Submission submission, String municipality, String namedInPlan) {
        UUID committeeId = submission.route().decidingCommittee(submission.stage());
        Optional<Committee> committee = committeeId == null ? Optional.empty() : committees.find(committeeId, municipality);
        if (committee.isEmpty()) {
            // No committee set up yet: the municipality's secretaries are the ones who will set it up and place the plan.
            // A plan that names no committee is to be decided by "the committee" until one is set up.
            return new Decider(namedInPlan != null ? namedInPlan : mail.text("mail.committee.unnamed"),
                    users.withRole(municipality, Roles.SECRETARY));
        }
        List<UserAccounts.User> secretaries = committee.get().secretaries().stream().map(users::find)
                .flatMap(Optional::stream).filter(u -> municipality.equals(u.municipality())).toList();
        return new Decider(committee.get().name(), secretaries);
    }

    private void queue(UserAccounts.User secretary, String subject, String body, String cause) {
        if (secretary.email() == null || secretary.email().isBlank()) {
            LOG.warn("Secretary {} has no e-mail address: not told of {}", secretary.username(), cause);
            return;
        }
        mail.queue(ApprovalModule.MODULE, secretary.email(), subject, body, cause);
    }

    private String nameOf(String username) {
        return users.find(username).map(UserAccounts.User::displayName).filter(Objects::nonNull).orElse(username);
    }
}
