package dk.beskplan.approval.application;

import dk.beskplan.approval.ApprovalModule;
import dk.beskplan.approval.domain.Submission;
import dk.beskplan.contracts.approval.PlanDecisionRecorded;
import dk.beskplan.platform.mail.Mail;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.text.DanishFormats;
import jakarta.inject.Singleton;

import java.util.List;

/** The official who submitted a plan hears what was decided on it, queued in the same transaction as the decision. */
@Singleton
class DecisionMail {
    private final Mail mail;
    private final UserAccounts users;

    DecisionMail(Mail mail, UserAccounts users) {
        this.mail = mail;
        this.users = users;
    }

    void tellTheSubmitter(SubmissionRepository.Row row, PlanDecisionRecorded decision, Submission.Step step,
                          List<String> amendments) {
        String address = users.find(row.submittedBy()).map(UserAccounts.User::email).orElse(null);
        if (address == null || address.isBlank()) {
            return; // no address on file: the plan page still shows the decision
        }
        String what = switch (decision.decision()) {
            case APPROVED, APPROVED_WITH_AMENDMENTS -> step.approvedFinally()
                    ? (amendments.isEmpty() ? "godkendt" : "godkendt med ændringer")
                    : (amendments.isEmpty() ? "anbefalet til godkendelse" : "anbefalet til godkendelse med ændringer");
            case RETURNED -> "sendt tilbage til forvaltningen";
            case REJECTED -> "forkastet";
            case POSTPONED -> "udsat til et senere møde";
        };
        StringBuilder body = new StringBuilder()
                .append(decision.decidingBody()).append(" har på mødet ").append(DanishFormats.date(decision.meetingDate()))
                .append(' ').append(what).append(' ').append(row.title()).append(" (revision ").append(row.submission().revision())
                .append(").\n");
        if (!step.approvedFinally() && decision.decision().approves()) {
            body.append("\nPlanen er ikke endeligt godkendt: den går videre til næste trin i godkendelsen.\n");
        }
        if (!amendments.isEmpty()) {
            body.append("\nÆndringer:\n");
            amendments.forEach(a -> body.append("- ").append(a).append('\n'));
        }
        if (decision.remarks() != null && !decision.remarks().isBlank()) {
            body.append("\nBeslutning:\n").append(decision.remarks()).append('\n');
        }
        body.append("\nSe planen: ").append(mail.link("/plans/" + row.submission().planId())).append('\n');
        mail.queue(ApprovalModule.MODULE, address, row.title() + ": " + what + " af " + decision.decidingBody(), body.toString(),
                "decision:" + decision.decisionId());
    }
}
