package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.Amendment;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The jsonb columns of the approval schema (members, votes, amendments, routes, documents), mapped by hand so that
 * the domain's records carry no serialization annotations.
 */
@Singleton
class JsonColumns {
    private static final Argument<List<Map<String, Object>>> LIST_OF_MAPS =
            Argument.listOf(Argument.mapOf(String.class, Object.class));
    private final JsonMapper json;

    JsonColumns(JsonMapper json) {
        this.json = json;
    }

    String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> document(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, Object>> list(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, LIST_OF_MAPS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> strings(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, Argument.listOf(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String members(List<Committee.Member> members) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Committee.Member m : members) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", m.name());
            row.put("party", m.party());
            row.put("role", m.role().name());
            rows.add(row);
        }
        return write(rows);
    }

    List<Committee.Member> members(String text) {
        return list(text).stream().map(m -> new Committee.Member((String) m.get("name"), (String) m.get("party"),
                Committee.Role.valueOf((String) m.get("role")))).toList();
    }

    String votes(List<ItemDecision.PartyVote> votes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ItemDecision.PartyVote v : votes) {
            rows.add(Map.of("party", v.party(), "for", v.inFavour(), "against", v.against(), "abstained", v.abstained()));
        }
        return write(rows);
    }

    List<ItemDecision.PartyVote> votes(String text) {
        return list(text).stream().map(v -> new ItemDecision.PartyVote((String) v.get("party"), number(v.get("for")),
                number(v.get("against")), number(v.get("abstained")))).toList();
    }

    String amendments(List<Amendment> amendments) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Amendment a : amendments) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operation", a.operation().name());
            row.put("part", a.part().name());
            row.put("goal", a.goal());
            row.put("item", a.item());
            row.put("text", a.text());
            rows.add(row);
        }
        return write(rows);
    }

    List<Amendment> amendments(String text) {
        return list(text).stream().map(a -> new Amendment(Amendment.Operation.valueOf((String) a.get("operation")),
                Amendment.Part.valueOf((String) a.get("part")), number(a.get("goal")),
                a.get("item") == null ? null : number(a.get("item")), (String) a.get("text"))).toList();
    }

    String route(ApprovalRoute route) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ApprovalRoute.Stage stage : route.stages()) {
            if (stage instanceof ApprovalRoute.Hearing h) {
                rows.add(Map.of("hearing", h.body(), "days", h.days()));
            } else if (stage instanceof ApprovalRoute.Decision d) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("committee", d.committeeId() == null ? null : d.committeeId().toString()); // null: any committee
                rows.add(row);
            }
        }
        return write(rows);
    }

    ApprovalRoute route(String text) {
        List<ApprovalRoute.Stage> stages = new ArrayList<>();
        for (Map<String, Object> row : list(text)) {
            stages.add(row.containsKey("hearing")
                    ? new ApprovalRoute.Hearing((String) row.get("hearing"), number(row.get("days")))
                    : new ApprovalRoute.Decision(row.get("committee") == null ? null : UUID.fromString((String) row.get("committee"))));
        }
        return new ApprovalRoute(stages);
    }

    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
