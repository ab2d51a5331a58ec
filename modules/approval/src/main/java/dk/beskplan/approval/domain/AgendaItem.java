package dk.beskplan.approval.domain;

import dk.beskplan.platform.domain.Result;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One point on a meeting's agenda, written the way Danish committees publish them: case presentation
 * (sagsfremstilling), the administration's recommendation (indstilling) and, after the meeting, the decision.
 * A plan item's attachment is the plan document as submitted; a status report item's is the report.
 */
public final class AgendaItem {

    /** What the item is about. */
    public enum Kind { PLAN, STATUS_REPORT, FREE }

    /** OPEN until the committee has dealt with it; WITHDRAWN when the administration took the plan back. */
    public enum Status { OPEN, DECIDED, POSTPONED, WITHDRAWN }

    private final UUID id;
    private final Kind kind;
    private int position;
    private String title;
    private String caseText;
    private String recommendation;
    private boolean late;
    private final UUID postponedFrom;
    private final LocalDate postponedFromDate;
    private final UUID planId;
    private int revision;
    private final UUID reportId;
    private Status status;
    private ItemDecision decision;

    public AgendaItem(UUID id, Kind kind, int position, String title, String caseText, String recommendation, boolean late,
                      UUID postponedFrom, LocalDate postponedFromDate, UUID planId, Integer revision, UUID reportId,
                      Status status, ItemDecision decision) {
        this.id = id;
        this.kind = kind;
        this.position = position;
        this.title = title;
        this.caseText = caseText;
        this.recommendation = recommendation;
        this.late = late;
        this.postponedFrom = postponedFrom;
        this.postponedFromDate = postponedFromDate;
        this.planId = planId;
        this.revision = revision == null ? 0 : revision;
        this.reportId = reportId;
        this.status = status;
        this.decision = decision;
    }

    /** What the secretary (or the system, from a submission) puts on the agenda. */
    public record Proposal(Kind kind, String title, String caseText, String recommendation, UUID planId, Integer revision,
                           UUID reportId, UUID postponedFrom, LocalDate postponedFromDate) {
    }

    /**
     * This item proposed for another meeting's agenda, texts and all: moved there ({@code postponedFrom} as it was) or
     * postponed to it from the meeting held on {@code postponedFromDate}.
     */
    public Proposal elsewhere(UUID postponedFrom, LocalDate postponedFromDate) {
        return new Proposal(kind, title, caseText, recommendation, planId, planId == null ? null : revision, reportId,
                postponedFrom, postponedFromDate);
    }

    /** The outcomes the committee can record for an item of this kind. */
    public boolean allows(ItemDecision.Outcome outcome) {
        return switch (kind) {
            case PLAN -> outcome != ItemDecision.Outcome.NOTED;
            case STATUS_REPORT -> outcome == ItemDecision.Outcome.NOTED || outcome == ItemDecision.Outcome.POSTPONED;
            case FREE -> outcome != ItemDecision.Outcome.APPROVED_WITH_AMENDMENTS && outcome != ItemDecision.Outcome.RETURNED;
        };
    }

    /** The outcome the "followed the recommendation" action records. */
    public ItemDecision.Outcome recommendedOutcome() {
        return kind == Kind.STATUS_REPORT ? ItemDecision.Outcome.NOTED : ItemDecision.Outcome.APPROVED;
    }

    /**
     * The secretary's input as the decision records it, the one rule for the API and the pages: when "the committee
     * followed the recommendation", the outcome she leaves out is the recommendation's and a blank protocol text is the
     * standard sentence; otherwise she must name the outcome (refused at {@code outcome}).
     */
    public Result<ItemDecision.Input> completed(ItemDecision.Input input) {
        ItemDecision.Outcome outcome = input.outcome();
        String text = input.protocolText();
        if (input.followedRecommendation()) {
            if (outcome == null) {
                outcome = recommendedOutcome();
            }
            if (text == null || text.isBlank()) {
                text = switch (kind) {
                    case STATUS_REPORT -> "Status blev taget til efterretning.";
                    case PLAN, FREE -> "Indstillingen blev godkendt.";
                };
            }
        }
        if (outcome == null) {
            return Result.rejected("outcome", "vælg udvalgets beslutning, eller angiv at indstillingen blev fulgt");
        }
        return Result.accepted(new ItemDecision.Input(outcome, input.followedRecommendation(), text, input.present(),
                input.votes(), input.amendments(), input.postponedTo(), input.postponedToDate()));
    }

    void renumber(int position) {
        this.position = position;
    }

    void record(ItemDecision decision) {
        this.decision = decision;
        this.status = decision.outcome() == ItemDecision.Outcome.POSTPONED ? Status.POSTPONED : Status.DECIDED;
    }

    void withdraw() {
        this.status = Status.WITHDRAWN;
    }

    /** A withdrawn plan came back as a new revision before the meeting: the item carries the new one. */
    void reopenWith(int newRevision, boolean afterDeadline) {
        this.revision = newRevision;
        this.late = late || afterDeadline;
        this.status = Status.OPEN;
    }

    void rewrite(String title, String caseText, String recommendation) {
        this.title = title;
        this.caseText = caseText;
        this.recommendation = recommendation;
    }

    public UUID id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public int position() {
        return position;
    }

    public String title() {
        return title;
    }

    public String caseText() {
        return caseText;
    }

    public String recommendation() {
        return recommendation;
    }

    public boolean late() {
        return late;
    }

    public UUID postponedFrom() {
        return postponedFrom;
    }

    public LocalDate postponedFromDate() {
        return postponedFromDate;
    }

    public UUID planId() {
        return planId;
    }

    public int revision() {
        return revision;
    }

    public UUID reportId() {
        return reportId;
    }

    public Status status() {
        return status;
    }

    public ItemDecision decision() {
        return decision;
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}
