package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.Committee;
import dk.beskplan.plandocument.PlanDocument;

import dk.beskplan.platform.text.DanishFormats;
import java.util.List;
import java.util.Map;

/**
 * The administration's default wording of an agenda item (sagsfremstilling and indstilling), as Danish committees
 * publish them. The secretary can rewrite both before the meeting.
 */
final class CaseTexts {

    private CaseTexts() {
    }

    static String casePresentation(SubmissionRepository.Row row, Committee committee,
                                   List<SubmissionRepository.Hearing> hearings) {
        StringBuilder text = new StringBuilder()
                .append("Jobcentret har udarbejdet forslag til ").append(row.title()).append(" for ").append(period(row))
                .append(". Planen fastlægger de politiske mål for beskæftigelsesindsatsen i perioden.");
        PlanDocument document = row.documentNow();
        if (document != null) {
            int goals = document.goals().size();
            int criteria = document.goals().stream().mapToInt(g -> g.successCriteria().size()).sum();
            text.append(" Planen indeholder ").append(goals).append(" mål")
                    .append(" med i alt ").append(criteria).append(criteria == 1 ? " succeskriterium." : " succeskriterier.");
        }
        text.append("\n\nPlanen er vedlagt som bilag, som forvaltningen indsendte den (revision ").append(row.submission().revision())
                .append(").");
        for (SubmissionRepository.Hearing hearing : hearings) {
            text.append("\n\n").append(hearing.body()).append(" er hørt med frist ").append(DanishFormats.date(hearing.deadline()))
                    .append(". ");
            text.append(hearing.answer() == null || hearing.answer().isBlank()
                    ? "Der er ikke modtaget høringssvar." : "Høringssvar: " + hearing.answer().strip());
        }
        if (!row.amendments().isEmpty()) {
            text.append("\n\nPlanen er anbefalet med ændringer; den vedlagte tekst indeholder ændringerne.");
        }
        if (committee.kind() == Committee.Kind.COUNCIL) {
            text.append("\n\nSagen afgøres endeligt af ").append(committee.name()).append('.');
        }
        return text.toString();
    }

    static String recommendation(SubmissionRepository.Row row, Committee committee, boolean recommendsOnly) {
        if (recommendsOnly) {
            return "Forvaltningen indstiller, at " + committee.name() + " anbefaler, at " + row.title() + " godkendes.";
        }
        if (committee.kind() == Committee.Kind.COUNCIL) {
            return "Det indstilles, at " + committee.name() + " godkender " + row.title() + ".";
        }
        return "Forvaltningen indstiller, at " + committee.name() + " godkender " + row.title() + ".";
    }

    static String reportCase(SubmissionRepository.StatusReport report) {
        String summary = report.summary() == null || report.summary().isBlank() ? "" : "\n\n" + report.summary().strip();
        return "Jobcentret giver status på " + report.planTitle() + " (" + report.roundLabel() + "), med frist "
                + DanishFormats.date(report.dueDate()) + "." + summary + "\n\nStatusrapporten er vedlagt som bilag.";
    }

    private static String period(SubmissionRepository.Row row) {
        return row.fromYear() == row.toYear() ? String.valueOf(row.fromYear()) : row.fromYear() + "–" + row.toYear();
    }
}
