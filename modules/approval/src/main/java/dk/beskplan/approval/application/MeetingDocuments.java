package dk.beskplan.approval.application;

import dk.beskplan.approval.ApprovalModule;
import dk.beskplan.approval.domain.AgendaItem;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.contracts.approval.MeetingProtocolPublished;
import dk.beskplan.platform.documents.DocumentRenderer;
import dk.beskplan.platform.domain.Hashes;
import dk.beskplan.platform.messaging.MessageContext;
import dk.beskplan.platform.outbox.Outbox;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.UserAccounts;
import dk.beskplan.platform.tenancy.Municipalities;
import dk.beskplan.platform.text.DanishFormats;
import jakarta.inject.Singleton;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A meeting's agenda (dagsorden) and decision protocol (beslutningsprotokol) as the municipality publishes them,
 * in HTML and PDF from one template ({@code approval/meeting-document}); a closed meeting's protocol also goes out to
 * the archive, when the meeting closes and again when a decision is corrected.
 */
@Singleton
public class MeetingDocuments {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");
    private final DocumentRenderer renderer;
    private final UserAccounts users;
    private final Municipalities municipalities;
    private final MeetingRepository meetings;
    private final Outbox outbox;

    MeetingDocuments(DocumentRenderer renderer, UserAccounts users, Municipalities municipalities, MeetingRepository meetings,
                     Outbox outbox) {
        this.municipalities = municipalities;
        this.renderer = renderer;
        this.users = users;
        this.meetings = meetings;
        this.outbox = outbox;
    }

    public String html(Meetings.MeetingView view, boolean protocol) {
        return renderer.html("approval/meeting-document", model(view, protocol));
    }

    public byte[] pdf(Meetings.MeetingView view, boolean protocol) {
        return renderer.pdf("approval/meeting-document", model(view, protocol));
    }

    /** Sends the meeting's decision protocol, as it reads now, to whoever keeps protocols (the archive). */
    void publishProtocol(Meeting meeting, Committee committee, CurrentUser user) {
        String html = html(meetings.view(meeting, committee), true);
        List<UUID> plans = meeting.items().stream().map(AgendaItem::planId).filter(Objects::nonNull).distinct().toList();
        outbox.append(ApprovalModule.MODULE, new MeetingProtocolPublished(meeting.id(), committee.name(), meeting.date(), plans,
                        html, Hashes.sha256Hex(html)),
                new MessageContext(user.municipality(), null, user.username(), null));
    }

    /** The outcome as a protocol words it. */
    public static String outcome(ItemDecision.Outcome outcome, boolean recommendsOnly) {
        return switch (outcome) {
            case APPROVED -> recommendsOnly ? "Anbefalet" : "Godkendt";
            case APPROVED_WITH_AMENDMENTS -> recommendsOnly ? "Anbefalet med ændringer" : "Godkendt med ændringer";
            case RETURNED -> "Sendt tilbage til forvaltningen";
            case REJECTED -> "Forkastet";
            case POSTPONED -> "Udsat";
            case NOTED -> "Taget til efterretning";
        };
    }

    /** "For: A (3), V (2). Imod: O (1). Undlod at stemme: F (1)." — null when no vote was recorded. */
    public static String vote(List<ItemDecision.PartyVote> votes) {
        if (votes.isEmpty()) {
            return null;
        }
        return "For: " + side(votes, ItemDecision.PartyVote::inFavour) + ". Imod: " + side(votes, ItemDecision.PartyVote::against)
                + ". Undlod at stemme: " + side(votes, ItemDecision.PartyVote::abstained) + ".";
    }

    private static String side(List<ItemDecision.PartyVote> votes, java.util.function.ToIntFunction<ItemDecision.PartyVote> count) {
        String parties = votes.stream().filter(v -> count.applyAsInt(v) > 0)
                .map(v -> v.party() + " (" + count.applyAsInt(v) + ")").collect(Collectors.joining(", "));
        return parties.isEmpty() ? "ingen" : parties;
    }

    Map<String, Object> model(Meetings.MeetingView view, boolean protocol) {
        Meeting meeting = view.meeting();
        Committee committee = view.committee();
        Map<String, Object> model = new HashMap<>();
        model.put("municipality", users.municipalityName(meeting.municipality()));
        municipalities.dressDocument(model, meeting.municipality());
        model.put("committee", committee.name());
        model.put("title", protocol ? "Beslutningsprotokol" : "Dagsorden");
        model.put("date", DanishFormats.date(meeting.date()));
        model.put("time", meeting.time() == null ? null : TIME.format(meeting.time()));
        model.put("place", meeting.place());
        model.put("protocol", protocol);
        model.put("draft", protocol && meeting.status() != Meeting.Status.CLOSED);
        Set<Committee.Member> present = new LinkedHashSet<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (AgendaItem item : meeting.items()) {
            Map<String, Object> row = new HashMap<>();
            row.put("number", item.position());
            row.put("title", item.title());
            row.put("late", item.late());
            row.put("withdrawn", item.status() == AgendaItem.Status.WITHDRAWN);
            row.put("postponedFrom", item.postponedFromDate() == null ? null : DanishFormats.date(item.postponedFromDate()));
            row.put("caseText", paragraphs(item.caseText()));
            row.put("recommendation", paragraphs(item.recommendation()));
            row.put("attachments", attachments(item));
            ItemDecision d = item.decision();
            if (d != null) {
                List<ItemDecision.Correction> corrections = view.corrections().getOrDefault(d.id(), List.of());
                ItemDecision.AsCorrected now = d.asCorrected(corrections);
                List<Committee.Member> attending = now.present();
                present.addAll(attending);
                Map<String, Object> decision = new HashMap<>();
                decision.put("outcome", outcome(d.outcome(), false));
                decision.put("followed", d.followedRecommendation());
                decision.put("text", paragraphs(now.protocolText()));
                decision.put("vote", vote(now.votes()));
                decision.put("amendments", view.amendmentTexts().getOrDefault(d.id(), List.of()));
                decision.put("absent", committee.members().stream().filter(m -> !attending.contains(m))
                        .map(Committee.Member::display).toList());
                decision.put("corrections", corrections.stream().map(c -> "Rettet " + DanishFormats.date(c.correctedAt()) + ": " + c.reason()).toList());
                row.put("decision", decision);
            } else {
                row.put("decision", null);
            }
            items.add(row);
        }
        model.put("items", items);
        model.put("present", present.stream().map(Committee.Member::display).toList());
        model.put("absent", protocol && !present.isEmpty() ? committee.members().stream().filter(m -> !present.contains(m))
                .map(Committee.Member::display).toList() : List.of());
        return model;
    }

    private static List<String> attachments(AgendaItem item) {
        return switch (item.kind()) {
            case PLAN -> List.of(item.title() + " (revision " + item.revision() + ", som indsendt)");
            case STATUS_REPORT -> List.of("Statusrapport: " + item.title());
            case FREE -> List.of();
        };
    }

    private static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
