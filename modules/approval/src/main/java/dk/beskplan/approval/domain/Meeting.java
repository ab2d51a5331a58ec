package dk.beskplan.approval.domain;

import dk.beskplan.platform.domain.Result;

import dk.beskplan.platform.text.DanishFormats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A meeting of a committee (or the council) with its ordered agenda. Planned until the first decision is recorded,
 * then held; closed when every item has been dealt with, after which the protocol is final and only recorded
 * corrections can change how a decision was written down.
 */
public final class Meeting {

    /** Where the meeting is in its life. */
    public enum Status { PLANNED, HELD, CLOSED }


    private final UUID id;
    private final UUID committeeId;
    private final String municipality;
    private final LocalDate date;
    private final LocalTime time;
    private final String place;
    private final LocalDate submissionDeadline;
    private Status status;
    private final long version;
    private final List<AgendaItem> items;

    public Meeting(UUID id, UUID committeeId, String municipality, LocalDate date, LocalTime time, String place,
                   LocalDate submissionDeadline, Status status, long version, List<AgendaItem> items) {
        this.id = id;
        this.committeeId = committeeId;
        this.municipality = municipality;
        this.date = date;
        this.time = time;
        this.place = place;
        this.submissionDeadline = submissionDeadline;
        this.status = status;
        this.version = version;
        this.items = new ArrayList<>(items);
        this.items.sort(Comparator.comparingInt(AgendaItem::position));
    }

    /** A new meeting: its submission deadline cannot be after the meeting itself. */
    public static Result<Meeting> plan(UUID committeeId, String municipality, LocalDate date, LocalTime time, String place,
                                       LocalDate submissionDeadline) {
        LocalDate deadline = submissionDeadline == null ? date.minusDays(7) : submissionDeadline;
        if (deadline.isAfter(date)) {
            return Result.rejected("submissionDeadline", "Fristen for dagsordenen kan ikke ligge efter mødet");
        }
        return Result.accepted(new Meeting(UUID.randomUUID(), committeeId, municipality, date, time,
                place == null || place.isBlank() ? null : place.strip(), deadline, Status.PLANNED, 0, List.of()));
    }

    /** Puts an item last on the agenda; after the submission deadline it is marked as a late item. */
    public Result<AgendaItem> place(AgendaItem.Proposal proposal, LocalDate today) {
        if (status != Status.PLANNED) {
            return Result.rejected("Mødet " + when() + " er afholdt; punkter kan kun sættes på et planlagt mødes dagsorden");
        }
        if (proposal.title() == null || proposal.title().isBlank()) {
            return Result.rejected("title", "Punktet skal have en overskrift");
        }
        if (proposal.planId() != null && items.stream().anyMatch(i -> proposal.planId().equals(i.planId()) && i.open())) {
            return Result.rejected("Planen er allerede på dagsordenen for mødet " + when());
        }
        if (proposal.reportId() != null && items.stream().anyMatch(i -> proposal.reportId().equals(i.reportId()) && i.open())) {
            return Result.rejected("Statusrapporten er allerede på dagsordenen for mødet " + when());
        }
        AgendaItem item = new AgendaItem(UUID.randomUUID(), proposal.kind(), items.size() + 1, proposal.title().strip(),
                blankToNull(proposal.caseText()), blankToNull(proposal.recommendation()), today.isAfter(submissionDeadline),
                proposal.postponedFrom(), proposal.postponedFromDate(), proposal.planId(), proposal.revision(),
                proposal.reportId(), AgendaItem.Status.OPEN, null);
        items.add(item);
        return Result.accepted(item);
    }

    /** Moves an item to another place on the agenda (1 = first); the others keep their relative order. */
    public Result<AgendaItem> reorder(UUID itemId, int newPosition) {
        if (status == Status.CLOSED) {
            return Result.rejected("Mødet er lukket; dagsordenen kan ikke ændres");
        }
        Optional<AgendaItem> found = item(itemId);
        if (found.isEmpty()) {
            return Result.rejected("Punktet findes ikke på dette møde");
        }
        if (newPosition < 1 || newPosition > items.size()) {
            return Result.rejected("position", "Placeringen skal være mellem 1 og " + items.size());
        }
        items.remove(found.get());
        items.add(newPosition - 1, found.get());
        renumber();
        return Result.accepted(found.get());
    }

    /** Takes an undecided item off this agenda (to move it to another meeting). */
    public Result<AgendaItem> takeOff(UUID itemId) {
        AgendaItem item = item(itemId).orElse(null);
        if (item == null) {
            return Result.rejected("Punktet findes ikke på dette møde");
        }
        if (status == Status.CLOSED) {
            return Result.rejected("Mødet er lukket; dagsordenen kan ikke ændres");
        }
        if (!item.open()) {
            return Result.rejected("Punkt " + item.position() + " er behandlet og kan ikke flyttes");
        }
        items.remove(item);
        renumber();
        return Result.accepted(item);
    }

    /** Rewrites an undecided item's texts. */
    public Result<AgendaItem> rewrite(UUID itemId, String title, String caseText, String recommendation) {
        AgendaItem item = item(itemId).orElse(null);
        if (item == null) {
            return Result.rejected("Punktet findes ikke på dette møde");
        }
        if (status == Status.CLOSED || !item.open()) {
            return Result.rejected("Punkt " + item.position() + " er behandlet; teksten kan ikke ændres");
        }
        if (title == null || title.isBlank()) {
            return Result.rejected("title", "Punktet skal have en overskrift");
        }
        item.rewrite(title.strip(), blankToNull(caseText), blankToNull(recommendation));
        return Result.accepted(item);
    }

    /**
     * Records the committee's decision on an item. Refused on a closed meeting, before the meeting day, for an item
     * already dealt with or withdrawn, for an outcome the item's kind does not have, without quorum, and when
     * amendments, vote or protocol text do not fit the outcome.
     */
    /**
     * Whether a decision may be recorded at {@code localNow} (Danish time) as far as the meeting's hour goes: on the
     * meeting's day, not before the time it begins (a meeting without a time begins with its day). A meeting on a later
     * day is {@link #decide}'s refusal.
     */
    public Result<Meeting> beganBy(java.time.LocalDateTime localNow) {
        if (status != Status.CLOSED && date.equals(localNow.toLocalDate()) && time != null && time.isAfter(localNow.toLocalTime())) {
            return Result.rejected("decidedAt", "Mødet begynder først kl. " + time.format(java.time.format.DateTimeFormatter.ofPattern("HH.mm"))
                    + "; en beslutning kan registreres fra mødets start");
        }
        return Result.accepted(this);
    }

    public Result<ItemDecision> decide(UUID itemId, ItemDecision.Input input, Committee committee, LocalDate today,
                                       String user, Instant now) {
        if (status == Status.CLOSED) {
            return Result.rejected("Mødet " + when() + " er lukket; en fejl i protokollen rettes med en rettelse");
        }
        if (date.isAfter(today)) {
            return Result.rejected("Mødet holdes først " + when() + "; beslutninger registreres, når mødet er holdt");
        }
        AgendaItem item = item(itemId).orElse(null);
        if (item == null) {
            return Result.rejected("Punktet findes ikke på dette møde");
        }
        switch (item.status()) {
            case DECIDED, POSTPONED -> {
                return Result.rejected("Punkt " + item.position() + " er allerede behandlet ("
                        + item.decision().outcome().words() + "); en fejl rettes med en rettelse");
            }
            case WITHDRAWN -> {
                return Result.rejected("Punkt " + item.position() + " er trukket tilbage af forvaltningen og kan ikke besluttes");
            }
            case OPEN -> { }
        }
        if (input.outcome() == null) {
            return Result.rejected("outcome", "Vælg udvalgets beslutning");
        }
        if (!item.allows(input.outcome())) {
            return Result.rejected("outcome", "Et punkt af denne slags kan ikke blive " + input.outcome().words());
        }
        if (input.protocolText() == null || input.protocolText().isBlank()) {
            return Result.rejected("protocolText", "Beslutningens tekst til protokollen skal udfyldes");
        }
        Result<List<Committee.Member>> present = committee.membersNamed(input.present());
        if (present instanceof Result.Rejected<List<Committee.Member>> r) {
            return r.as();
        }
        List<Committee.Member> members = present.orElseThrow(IllegalStateException::new);
        if (!committee.quorate(members.size())) {
            return Result.rejected("present", committee.name() + " er ikke beslutningsdygtigt: " + members.size() + " af "
                    + committee.members().size() + " medlemmer til stede (mindst halvdelen skal være til stede)");
        }
        int votes = 0;
        for (ItemDecision.PartyVote vote : input.votes()) {
            if (vote.party() == null || vote.party().isBlank()) {
                return Result.rejected("votes", "Hver stemmeafgivning skal have et parti");
            }
            if (vote.inFavour() < 0 || vote.against() < 0 || vote.abstained() < 0) {
                return Result.rejected("votes", "Antal stemmer kan ikke være negativt (" + vote.party() + ")");
            }
            votes += vote.total();
        }
        if (votes > members.size()) {
            return Result.rejected("votes", "Der er afgivet " + votes + " stemmer, men kun " + members.size() + " medlemmer er til stede");
        }
        boolean amended = input.outcome() == ItemDecision.Outcome.APPROVED_WITH_AMENDMENTS;
        if (amended && input.amendments().isEmpty()) {
            return Result.rejected("amendments", "Godkendt med ændringer kræver mindst én ændring");
        }
        if (!amended && !input.amendments().isEmpty()) {
            return Result.rejected("amendments", "Ændringer kan kun registreres, når planen godkendes med ændringer");
        }
        UUID postponedTo = null;
        if (input.outcome() == ItemDecision.Outcome.POSTPONED) {
            if (input.postponedTo() == null) {
                return Result.rejected("postponedTo", "Vælg det møde, punktet udsættes til");
            }
            if (input.postponedTo().equals(id) || input.postponedToDate() == null || !input.postponedToDate().isAfter(date)) {
                return Result.rejected("postponedTo", "Et punkt kan kun udsættes til et senere møde");
            }
            postponedTo = input.postponedTo();
        }
        ItemDecision decision = new ItemDecision(UUID.randomUUID(), item.id(), input.outcome(), input.followedRecommendation(),
                input.protocolText().strip(), members, input.votes(), input.amendments(), postponedTo, user, now);
        item.record(decision);
        status = Status.HELD;
        return Result.accepted(decision);
    }

    /** Fixes how a decision was written down; allowed after the meeting, also when it is closed. */
    public Result<ItemDecision.Correction> correct(UUID itemId, String reason, String protocolText, List<String> present,
                                                   List<ItemDecision.PartyVote> votes, Committee committee, String user,
                                                   Instant now) {
        AgendaItem item = item(itemId).orElse(null);
        if (item == null || item.decision() == null) {
            return Result.rejected("Der er ingen beslutning at rette på dette punkt");
        }
        if (reason == null || reason.isBlank()) {
            return Result.rejected("reason", "Skriv, hvad rettelsen retter, og hvorfor");
        }
        if (protocolText == null || protocolText.isBlank()) {
            return Result.rejected("protocolText", "Beslutningens tekst til protokollen skal udfyldes");
        }
        Result<List<Committee.Member>> members = committee.membersNamed(present);
        if (members instanceof Result.Rejected<List<Committee.Member>> r) {
            return r.as();
        }
        List<Committee.Member> attending = members.orElseThrow(IllegalStateException::new);
        if (votes.stream().mapToInt(ItemDecision.PartyVote::total).sum() > attending.size()) {
            // The correction form leaves the vote as it stands: the attendance given is what no longer fits it.
            return Result.rejected("present", "Der er flere stemmer end medlemmer til stede");
        }
        return Result.accepted(new ItemDecision.Correction(UUID.randomUUID(), item.decision().id(), reason.strip(),
                protocolText.strip(), attending, votes, user, now));
    }

    /** Closes the meeting when every item has been dealt with; its protocol is then final. */
    public Result<Meeting> close() {
        if (status == Status.CLOSED) {
            return Result.rejected("Mødet er allerede lukket");
        }
        if (items.isEmpty()) {
            return Result.rejected("Mødet har ingen punkter på dagsordenen");
        }
        for (AgendaItem item : items) {
            if (item.open()) {
                return Result.rejected("Punkt " + item.position() + " (" + item.title() + ") mangler en beslutning");
            }
        }
        status = Status.CLOSED;
        return Result.accepted(this);
    }

    /** The administration withdrew the plan: its open item here is marked withdrawn (empty when there is none). */
    public Optional<AgendaItem> withdraw(UUID planId) {
        if (status == Status.CLOSED) {
            return Optional.empty();
        }
        Optional<AgendaItem> item = items.stream().filter(i -> planId.equals(i.planId()) && i.open()).findFirst();
        item.ifPresent(AgendaItem::withdraw);
        return item;
    }

    /** A new revision of a plan withdrawn from this planned meeting returns to its item (empty when there is none). */
    public Optional<AgendaItem> resubmitted(UUID planId, int revision, LocalDate today) {
        if (status != Status.PLANNED) {
            return Optional.empty();
        }
        Optional<AgendaItem> item = items.stream()
                .filter(i -> planId.equals(i.planId()) && i.status() == AgendaItem.Status.WITHDRAWN).findFirst();
        item.ifPresent(i -> i.reopenWith(revision, today.isAfter(submissionDeadline)));
        return item;
    }

    public Optional<AgendaItem> item(UUID itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    private void renumber() {
        for (int i = 0; i < items.size(); i++) {
            items.get(i).renumber(i + 1);
        }
    }

    /** The meeting's date in Danish, as the texts name it ("10. december 2026"). */
    public String when() {
        return DanishFormats.date(date);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public UUID id() {
        return id;
    }

    public UUID committeeId() {
        return committeeId;
    }

    public String municipality() {
        return municipality;
    }

    public LocalDate date() {
        return date;
    }

    public LocalTime time() {
        return time;
    }

    public String place() {
        return place;
    }

    public LocalDate submissionDeadline() {
        return submissionDeadline;
    }

    public Status status() {
        return status;
    }

    public long version() {
        return version;
    }

    public List<AgendaItem> items() {
        return List.copyOf(items);
    }
}
