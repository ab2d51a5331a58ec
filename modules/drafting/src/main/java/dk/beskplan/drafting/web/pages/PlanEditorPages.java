package dk.beskplan.drafting.web.pages;

import dk.beskplan.plandocument.PlanDocument;
import dk.beskplan.plandocument.PlanDocumentWriter;
import dk.beskplan.plandocument.NationalGoals;
import dk.beskplan.drafting.application.PlanService;
import dk.beskplan.drafting.application.PlanTexts;
import dk.beskplan.drafting.web.pages.BlockText;
import dk.beskplan.drafting.domain.Plan;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The draft editor for officials: the plan's own texts, the order of its goals and its sections on one
 * page ({@code /plans/{id}/rediger}); everything about one goal on another ({@code /plans/{id}/maal/{n}}).
 * <p>
 * Each page is one form whose fields are named by their path in the plan document (see {@link FormTree}).
 * Add, remove and move buttons re-render the form without saving (htmx swaps just the editor; without
 * JavaScript the whole page comes back); "Gem" validates the whole plan and saves a new revision, guarded
 * by the plan version the form was loaded at, so two officials never overwrite each other.
 */
@Controller("/plans/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@Secured(Roles.OFFICIAL)
@Hidden
public class PlanEditorPages {
    private static final Pattern GOAL_ERROR = Pattern.compile("^goals\\[(\\d+)]\\.?");
    private static final String SAVE = "save";

    private final PlanService plans;
    private final JsonMapper json;
    private final FieldNames fieldNames;

    public PlanEditorPages(PlanService plans, JsonMapper json, FieldNames fieldNames) {
        this.plans = plans;
        this.json = json;
        this.fieldNames = fieldNames;
    }

    // ---- the plan's own texts, goal order, sections ----

    @Get("/rediger")
    public ModelAndView<Map<String, Object>> editPlan(@PathVariable UUID id, @QueryValue @Nullable String gemt, Authentication auth) {
        PlanService.Document doc = plans.document(id, null, CurrentUser.of(auth));
        Map<String, Object> tree = FormTree.mutableCopy(PlanDocumentWriter.write(doc.content()));
        List<Object> order = new ArrayList<>();
        for (int i = 0; i < doc.content().goals().size(); i++) {
            order.add(Integer.toString(i));
        }
        tree.put("goalOrder", order);
        return planView(doc, tree, doc.plan().version(), Map.of(), gemt != null, false);
    }

    @Post("/rediger")
    public MutableHttpResponse<?> postPlan(@PathVariable UUID id, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        PlanService.Document stored = plans.document(id, null, user);
        Map<String, Object> tree = FormTree.parse(form);
        String action = form.getOrDefault("action", SAVE);
        if (!action.equals(SAVE)) {
            FormTree.apply(tree, action, newElement(action));
            return HttpResponse.ok(planView(stored, tree, version(form), Map.of(), false, true));
        }
        Map<String, Object> document = FormTree.mutableCopy(PlanDocumentWriter.write(stored.content()));
        for (String field : List.of("title", "committeeName", "fromYear", "toYear", "introduction", "ambition",
                "goalsIntroduction", "overviewIntroduction", "layout", "overallSuccessCriteria", "sections")) {
            document.put(field, tree.get(field));
        }
        document.put("foreword", foreword(tree.get("foreword")));
        document.put("goals", reorderedGoals(document.get("goals"), tree.get("goalOrder")));
        try {
            save(id, document, form, user);
            return HttpResponse.seeOther(URI.create("/plans/" + id + "/rediger?gemt=1"));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(planView(stored, tree, version(form), PlanPages.errors(e), false, true));
        }
    }

    /** A new goal, added at the end and saved at once, so that it has a page of its own to be edited on. */
    @Post("/maal")
    public MutableHttpResponse<?> addGoal(@PathVariable UUID id, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        PlanService.Document stored = plans.document(id, null, user);
        Map<String, Object> document = FormTree.mutableCopy(PlanDocumentWriter.write(stored.content()));
        Map<String, Object> goal = FormTree.parse(Map.of(
                "kind", form.getOrDefault("newGoal.kind", "LOCAL"),
                "nationalGoal", form.getOrDefault("newGoal.nationalGoal", ""),
                "label", form.getOrDefault("newGoal.label", ""),
                "title", form.getOrDefault("newGoal.title", "")));
        @SuppressWarnings("unchecked")
        List<Object> goals = (List<Object>) document.get("goals");
        goals.add(goal);
        try {
            save(id, document, form, user);
            return HttpResponse.seeOther(URI.create("/plans/" + id + "/maal/" + (goals.size() - 1)));
        } catch (ProblemException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            PlanPages.errors(e).forEach((path, message) -> errors.put(
                    path.replaceFirst("^goals\\[" + (goals.size() - 1) + "]\\.", "newGoal."), message));
            Map<String, Object> tree = FormTree.mutableCopy(PlanDocumentWriter.write(stored.content()));
            List<Object> order = new ArrayList<>();
            for (int i = 0; i < stored.content().goals().size(); i++) {
                order.add(Integer.toString(i));
            }
            tree.put("goalOrder", order);
            tree.put("newGoal", goal);
            return HttpResponse.status(e.status()).body(planView(stored, tree, stored.plan().version(), errors, false, false));
        }
    }

    // ---- one goal ----

    @Get("/maal/{n}")
    public ModelAndView<Map<String, Object>> editGoal(@PathVariable UUID id, @PathVariable int n, @QueryValue @Nullable String gemt,
                                                      Authentication auth) {
        PlanService.Document doc = plans.document(id, null, CurrentUser.of(auth));
        Map<String, Object> tree = FormTree.mutableCopy(PlanDocumentWriter.write(doc.content()));
        return goalView(doc, n, goalAt(tree, n), doc.plan().version(), Map.of(), gemt != null, false);
    }

    @Post("/maal/{n}")
    public MutableHttpResponse<?> postGoal(@PathVariable UUID id, @PathVariable int n, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        PlanService.Document stored = plans.document(id, null, user);
        Map<String, Object> document = FormTree.mutableCopy(PlanDocumentWriter.write(stored.content()));
        goalAt(document, n); // 404 for a goal that is not there
        Map<String, Object> goal = FormTree.parse(form);
        String action = form.getOrDefault("action", SAVE);
        if (!action.equals(SAVE)) {
            FormTree.apply(goal, action, newElement(action));
            return HttpResponse.ok(goalView(stored, n, goal, version(form), Map.of(), false, true));
        }
        @SuppressWarnings("unchecked")
        List<Object> goals = (List<Object>) document.get("goals");
        goals.set(n, goal);
        try {
            save(id, document, form, user);
            return HttpResponse.seeOther(URI.create("/plans/" + id + "/maal/" + n + "?gemt=1"));
        } catch (ProblemException e) {
            // The reader names fields by their path in the whole plan; the form names them within the goal.
            Map<String, String> errors = new LinkedHashMap<>();
            PlanPages.errors(e).forEach((path, message) -> errors.merge(
                    path.startsWith("goals[" + n + "]") ? GOAL_ERROR.matcher(path).replaceFirst("") : path, message,
                    (a, b) -> a + "; " + b));
            return HttpResponse.status(e.status()).body(goalView(stored, n, goal, version(form), errors, false, true));
        }
    }

    // ---- shared ----

    private void save(UUID id, Map<String, Object> document, Map<String, String> form, CurrentUser user) {
        PlanDocument content = PlanTexts.readDocument(tree(document));
        plans.saveContent(id, content, version(form), user);
    }

    private JsonNode tree(Map<String, Object> document) {
        try {
            return json.writeValueToTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModelAndView<Map<String, Object>> planView(PlanService.Document doc, Map<String, Object> tree, long version,
                                                       Map<String, String> errors, boolean saved, boolean unsaved) {
        Map<String, Object> model = common(doc, version, errors, saved, unsaved);
        model.put("form", planShape(tree));
        // The saved goals by their index, which is what the form's goalOrder entries hold.
        Map<String, Object> storedGoals = new LinkedHashMap<>();
        List<?> goals = (List<?>) PlanDocumentWriter.write(doc.content()).get("goals");
        for (int i = 0; i < goals.size(); i++) {
            storedGoals.put(Integer.toString(i), goals.get(i));
        }
        model.put("storedGoals", storedGoals);
        model.put("formAction", "/plans/" + doc.plan().id() + "/rediger");
        return new ModelAndView<>("drafting/edit-plan", model);
    }

    private ModelAndView<Map<String, Object>> goalView(PlanService.Document doc, int n, Map<String, Object> goal, long version,
                                                       Map<String, String> errors, boolean saved, boolean unsaved) {
        Map<String, Object> model = common(doc, version, errors, saved, unsaved);
        model.put("goal", goalShape(goal));
        model.put("n", n);
        model.put("goalCount", doc.content().goals().size());
        model.put("formAction", "/plans/" + doc.plan().id() + "/maal/" + n);
        return new ModelAndView<>("drafting/edit-goal", model);
    }

    /** {@code version}: the plan version the form was first loaded at, carried through every re-render. */
    private Map<String, Object> common(PlanService.Document doc, long version, Map<String, String> errors, boolean saved, boolean unsaved) {
        Plan plan = doc.plan();
        Map<String, Object> model = new HashMap<>();
        model.put("plan", plan);
        model.put("version", version);
        model.put("editable", plan.state() == dk.beskplan.drafting.domain.PlanState.DRAFT);
        model.put("errors", errors);
        model.put("fieldNames", fieldNames);
        model.put("saved", saved);
        model.put("unsaved", unsaved);
        model.put("text", new TextHelper());
        model.put("nationalGoals", NationalGoals.CATALOGUE);
        model.put("targetKinds", List.of("SHARE", "NATIONAL_AVERAGE", "REGIONAL_AVERAGE", "COUNT", "TREND", "RANK",
                "CHANGE_FROM_BASELINE", "NARRATIVE"));
        model.put("placements", PlanDocument.Placement.values());
        return model;
    }

    /*
     * The templates read nested fields (foreword.signature.name) without null checks: absent parts of the
     * tree are shown as empty ones. Only the view gets these; what is saved is what the form holds.
     */
    private static Map<String, Object> planShape(Map<String, Object> tree) {
        Map<String, Object> form = new LinkedHashMap<>(tree);
        Map<String, Object> foreword = object(form, "foreword");
        object(foreword, "signature");
        object(form, "ambition");
        object(form, "layout");
        object(form, "newGoal").putIfAbsent("kind", "LOCAL");
        criteria(form.get("overallSuccessCriteria"));
        return form;
    }

    private static Map<String, Object> goalShape(Map<String, Object> goal) {
        Map<String, Object> shaped = new LinkedHashMap<>(goal);
        criteria(shaped.get("successCriteria"));
        return shaped;
    }

    @SuppressWarnings("unchecked")
    private static void criteria(Object list) {
        if (list instanceof List<?> criteria) {
            for (Object c : criteria) {
                if (c instanceof Map<?, ?> map) {
                    Map<String, Object> criterion = (Map<String, Object>) map;
                    criterion.putIfAbsent("baselines", new ArrayList<>());
                    if (!(criterion.get("target") instanceof Map<?, ?>) && !(criterion.get("targets") instanceof List<?>)) {
                        criterion.put("target", new LinkedHashMap<>(Map.of("kind", "NARRATIVE")));
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String field) {
        Object value = parent.get(field);
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            parent.put(field, copy);
            return copy;
        }
        Map<String, Object> empty = new LinkedHashMap<>();
        parent.put(field, empty);
        return empty;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> goalAt(Map<String, Object> document, int n) {
        List<Object> goals = (List<Object>) document.get("goals");
        if (n < 0 || n >= goals.size()) {
            // n is the goal's place in the address, counted from 0: say how many goals there are, not a number of its own.
            throw new dk.beskplan.platform.web.NotFound("Målet findes ikke i planen; planen har " + goals.size() + " mål");
        }
        return (Map<String, Object>) goals.get(n);
    }

    /** The goals in the order the form put them in; a goal left out of the order was removed. */
    private static List<Object> reorderedGoals(Object goals, Object order) {
        List<?> stored = (List<?>) goals;
        List<Object> result = new ArrayList<>();
        if (order instanceof List<?> indexes) {
            for (Object index : indexes) {
                try {
                    int i = Integer.parseInt(String.valueOf(index));
                    if (i >= 0 && i < stored.size()) {
                        result.add(stored.get(i));
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours: left out
                }
            }
        }
        return result;
    }

    /** A foreword with neither text nor signature is no foreword. */
    @SuppressWarnings("unchecked")
    private static Object foreword(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> foreword = new LinkedHashMap<>((Map<String, Object>) map);
        foreword.putIfAbsent("blocks", List.of());
        Object signature = foreword.get("signature");
        if (signature instanceof Map<?, ?> s && s.values().stream().allMatch(v -> v == null)) {
            foreword.put("signature", null);
        }
        boolean empty = ((List<?>) foreword.get("blocks")).isEmpty() && foreword.get("signature") == null;
        return empty ? null : foreword;
    }

    /** What "add" puts in the list it names: an empty entry of the right shape. */
    private static Object newElement(String action) {
        String list = action.substring(action.indexOf(':') + 1);
        String last = list.substring(list.lastIndexOf('.') + 1);
        Map<String, Object> element = new LinkedHashMap<>();
        switch (last) {
            case "objectives", "statements" -> {
                return "";
            }
            case "successCriteria", "overallSuccessCriteria" -> {
                element.put("text", "");
                element.put("target", new LinkedHashMap<>(Map.of("kind", "NARRATIVE")));
            }
            case "targets" -> element.put("kind", "NARRATIVE");
            case "initiatives" -> element.put("title", "");
            case "sections" -> {
                element.put("heading", "");
                element.put("placement", "AFTER_GOALS");
            }
            default -> element.put("label", "");
        }
        return element;
    }

    private static long version(Map<String, String> form) {
        try {
            return Long.parseLong(form.getOrDefault("version", "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** What the templates need to show a tree: blocks as editable text, ids from field names. */
    public static final class TextHelper {
        public String blocks(Object blocks) {
            return blocks instanceof List<?> list ? BlockText.toText(list) : "";
        }

        public String id(String name) {
            return "f-" + name.replaceAll("[^A-Za-z0-9]+", "-");
        }

        public String value(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
                return Long.toString(d.longValue());
            }
            return value instanceof Double d ? Double.toString(d).replace('.', ',') : value.toString();
        }
    }
}
