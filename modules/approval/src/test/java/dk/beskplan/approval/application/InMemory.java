package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.approval.domain.Meeting;
import dk.beskplan.platform.web.Conflict;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.ProblemException;
import org.assertj.core.api.ThrowableAssert;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repositories the use cases' rules need, kept in maps: enough to test what a use case refuses, and how, without
 * a database. Nothing here writes; a use case that got as far as saving would be a test's mistake.
 */
final class InMemory {
    private InMemory() {
    }

    static final class Committees extends CommitteeRepository {
        final Map<UUID, Committee> byId = new HashMap<>();
        RouteView route = new RouteView(dk.beskplan.approval.domain.ApprovalRoute.committeeOnly(null), -1, false);

        Committees() {
            super(null, null, null);
        }

        Committees with(Committee committee) {
            byId.put(committee.id(), committee);
            return this;
        }

        @Override
        Optional<Committee> find(UUID id, String municipality) {
            return Optional.ofNullable(byId.get(id)).filter(c -> c.municipality().equals(municipality));
        }

        @Override
        List<Committee> ofMunicipality(String municipality) {
            return byId.values().stream().filter(c -> c.municipality().equals(municipality)).toList();
        }

        @Override
        boolean nameTaken(String municipality, String name, UUID except) {
            return ofMunicipality(municipality).stream().anyMatch(c -> c.name().equalsIgnoreCase(name) && !c.id().equals(except));
        }

        @Override
        RouteView route(String municipality) {
            return route;
        }
    }

    static final class Meetings extends MeetingRepository {
        final Map<UUID, Meeting> byId = new HashMap<>();
        int saves;

        Meetings() {
            super(null, null, null);
        }

        Meetings with(Meeting meeting) {
            byId.put(meeting.id(), meeting);
            return this;
        }

        @Override
        Optional<Meeting> find(UUID id, String municipality) {
            return Optional.ofNullable(byId.get(id)).filter(m -> m.municipality().equals(municipality));
        }

        @Override
        void save(Meeting meeting, String user, Instant now) {
            saves++;
        }

        @Override
        Map<UUID, List<ItemDecision.Correction>> corrections(UUID meetingId) {
            return Map.of();
        }

        @Override
        Map<UUID, List<String>> amendmentTexts(UUID meetingId) {
            return Map.of();
        }
    }

    /** Asserts a 400 that names exactly this field, and returns its message. */
    static String refusedAt(String field, ThrowableAssert.ThrowingCallable call) {
        String[] message = new String[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.errors()).extracting(ProblemException.FieldError::field).containsExactly(field);
            message[0] = e.errors().get(0).message();
        });
        return message[0];
    }

    /** Asserts a 409 (the state of things, no single input), and returns its message. */
    static String conflict(ThrowableAssert.ThrowingCallable call) {
        String[] message = new String[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(Conflict.class, e -> {
            assertThat(e.errors()).isEmpty();
            message[0] = e.getMessage();
        });
        return message[0];
    }
}
