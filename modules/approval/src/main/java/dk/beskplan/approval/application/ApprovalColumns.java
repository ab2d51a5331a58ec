package dk.beskplan.approval.application;

import dk.beskplan.approval.domain.Amendment;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.approval.domain.ItemDecision;
import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.platform.persistence.JsonColumns;
import dk.beskplan.platform.persistence.PlanDocumentColumns;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The approval schema's own records in its jsonb columns (members, votes, amendments, routes), mapped by hand onto
 * platform's {@link JsonColumns} so that the domain's records carry no serialization annotations.
 */
@Singleton
class ApprovalColumns {
    private final JsonColumns json;
    private final PlanDocumentColumns planDocuments;

    ApprovalColumns(JsonColumns json, PlanDocumentColumns planDocuments) {
        this.json = json;
        this.planDocuments = planDocuments;
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
        return json.write(rows);
    }

    List<Committee.Member> members(String text) {
        return json.list(text).stream().map(m -> new Committee.Member((String) m.get("name"), (String) m.get("party"),
                Committee.Role.valueOf((String) m.get("role")))).toList();
    }

    String votes(List<ItemDecision.PartyVote> votes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ItemDecision.PartyVote v : votes) {
            rows.add(Map.of("party", v.party(), "for", v.inFavour(), "against", v.against(), "abstained", v.abstained()));
        }
        return json.write(rows);
    }

    List<ItemDecision.PartyVote> votes(String text) {
        return json.list(text).stream().map(v -> new ItemDecision.PartyVote((String) v.get("party"), number(v.get("for")),
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
            if (a.changesMeasure()) {
                Amendment.Measure m = a.measure();
                Map<String, Object> measure = new LinkedHashMap<>();
                measure.put("target", m.target() == null ? null : PlanDocumentWriter.target(m.target()));
                measure.put("deadline", m.deadline() == null ? null : m.deadline().toString());
                measure.put("indicator", m.indicator());
                measure.put("dataSource", m.dataSource());
                if (m.targetNumber() != null) {
                    measure.put("targetNumber", m.targetNumber());
                }
                row.put("measure", measure);
            }
            rows.add(row);
        }
        return json.write(rows);
    }

    List<Amendment> amendments(String text) {
        return json.list(text).stream().map(a -> new Amendment(Amendment.Operation.valueOf((String) a.get("operation")),
                Amendment.Part.valueOf((String) a.get("part")), number(a.get("goal")),
                a.get("item") == null ? null : number(a.get("item")), (String) a.get("text"), measure(a.get("measure")))).toList();
    }

    private Amendment.Measure measure(Object stored) {
        if (!(stored instanceof Map<?, ?> m)) {
            return null;
        }
        return new Amendment.Measure(m.get("target") == null ? null : planDocuments.readTarget(json.write(m.get("target"))),
                m.get("deadline") == null ? null : LocalDate.parse((String) m.get("deadline")),
                (String) m.get("indicator"), (String) m.get("dataSource"), m.get("targetNumber") == null ? null : number(m.get("targetNumber")));
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
        return json.write(rows);
    }

    ApprovalRoute route(String text) {
        List<ApprovalRoute.Stage> stages = new ArrayList<>();
        for (Map<String, Object> row : json.list(text)) {
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
