package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.NotFound;
import dk.beskplan.platform.web.Refusals;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Meetings themselves: planning one, the lists, a meeting as the pages and documents show it, and closing it. What
 * stands on the agenda is {@link Agendas}'; what the committee decides, {@link Decisions}'.
 */
@Singleton
public class Meetings {
    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private final MeetingRepository meetings;
    private final CommitteeRepository committees;
    private final MeetingDocuments documents;
    private final Clock clock;

    Meetings(MeetingRepository meetings, CommitteeRepository committees, MeetingDocuments documents, Clock clock) {
        this.meetings = meetings;
        this.committees = committees;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * The same service with its calendar set to a past moment: the demo records its history (meetings held in 2022
     * and 2024) as if on those days. Never used by requests.
     */
    public Meetings asOf(Instant moment) {
        return new Meetings(meetings, committees, documents, Clock.fixed(moment, DANISH_TIME));
    }

    /** A meeting with its committee and the corrections of its decisions: what the pages and documents show. */
    public record MeetingView(Meeting meeting, Committee committee, Map<UUID, List<ItemDecision.Correction>> corrections,
                              Map<UUID, List<String>> amendmentTexts) {
    }

    /** A meeting as the lists show it. */
    @io.micronaut.serde.annotation.Serdeable
    public record MeetingSummary(UUID id, String committee, LocalDate date, @Nullable LocalTime time, @Nullable String place,
                                 LocalDate submissionDeadline, Meeting.Status status, int items) {
    }

    @Transactional
    public List<MeetingSummary> list(CurrentUser user) {
        Map<UUID, String> names = committeeNames(user.municipality());
        return meetings.list(user.municipality(), null).stream().map(r -> summary(r.meeting(), names, r.items())).toList();
    }

    /** Planned meetings from today on, soonest first: where a plan or report can be placed. */
    @Transactional
    public List<MeetingSummary> upcoming(CurrentUser user) {
        Map<UUID, String> names = committeeNames(user.municipality());
        List<MeetingSummary> list = new ArrayList<>(meetings.list(user.municipality(), today(clock)).stream()
                .filter(r -> r.meeting().status() == Meeting.Status.PLANNED)
                .map(r -> summary(r.meeting(), names, r.items())).toList());
        Collections.reverse(list);
        return list;
    }

    /** The planned meetings an item of {@code meeting} can be moved or postponed to: the others on its day or later. */
    @Transactional
    public List<MeetingSummary> later(Meeting meeting, CurrentUser user) {
        return upcoming(user).stream().filter(m -> !m.id().equals(meeting.id()) && m.date().isAfter(meeting.date())
                || !m.id().equals(meeting.id()) && m.date().isEqual(meeting.date())).toList();
    }

    @Transactional
    public MeetingView get(UUID id, CurrentUser user) {
        Meeting meeting = meetings.load(id, user.municipality());
        return meetings.view(meeting, committees.load(meeting.committeeId(), user.municipality()));
    }

    /** The municipality's closed meetings, newest first: their decision protocols are public (no login). */
    @Transactional
    public List<MeetingSummary> closedMeetings(String municipality) {
        Map<UUID, String> names = committeeNames(municipality);
        return meetings.list(municipality, null).stream().filter(r -> r.meeting().status() == Meeting.Status.CLOSED)
                .map(r -> summary(r.meeting(), names, r.items())).toList();
    }

    /** A closed meeting, for its public decision protocol; a meeting not yet closed is not public and answers 404. */
    @Transactional
    public MeetingView closedMeeting(UUID id, String municipality) {
        Meeting meeting = meetings.find(id, municipality).filter(m -> m.status() == Meeting.Status.CLOSED)
                .orElseThrow(() -> new NotFound("Mødets beslutningsprotokol er ikke offentliggjort"));
        return meetings.view(meeting, committees.load(meeting.committeeId(), municipality));
    }

    @Transactional
    public MeetingView create(UUID committeeId, LocalDate date, @Nullable LocalTime time, @Nullable String place,
                              @Nullable LocalDate submissionDeadline, CurrentUser user) {
        if (committeeId == null) {
            throw InvalidInput.field("committeeId", "vælg udvalget");
        }
        if (date == null) {
            throw InvalidInput.field("date", "skal være en dato som 2026-12-10");
        }
        Committee committee = committees.find(committeeId, user.municipality())
                .orElseThrow(() -> InvalidInput.field("committeeId", "udvalget findes ikke"));
        Meeting meeting = Meeting.plan(committee.id(), user.municipality(), date, time, place, submissionDeadline)
                .orElseRefuse(Refusals::of);
        meetings.insert(meeting, user.username(), clock.instant());
        return get(meeting.id(), user);
    }

    /** Closes the meeting when every item is dealt with, and publishes its decision protocol. */
    @Transactional
    public MeetingView close(UUID meetingId, @Nullable Long expectedVersion, CurrentUser user) {
        Meeting meeting = meetings.load(meetingId, user.municipality(), expectedVersion);
        meeting.close().orElseRefuse(Refusals::of);
        meetings.save(meeting, user.username(), clock.instant());
        documents.publishProtocol(meeting, committees.load(meeting.committeeId(), user.municipality()), user);
        return get(meetingId, user);
    }

    private Map<UUID, String> committeeNames(String municipality) {
        Map<UUID, String> names = new HashMap<>();
        committees.ofMunicipality(municipality).forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    private static MeetingSummary summary(Meeting m, Map<UUID, String> names, int items) {
        return new MeetingSummary(m.id(), names.get(m.committeeId()), m.date(), m.time(), m.place(), m.submissionDeadline(),
                m.status(), items);
    }

    /** The business date by {@code clock}: today in Denmark. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(DANISH_TIME));
    }
}
