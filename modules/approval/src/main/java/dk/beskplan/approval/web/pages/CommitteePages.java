package dk.beskplan.approval.web.pages;

import dk.beskplan.approval.application.Committees;
import dk.beskplan.approval.application.RouteView;
import dk.beskplan.approval.domain.ApprovalRoute;
import dk.beskplan.approval.domain.Committee;
import dk.beskplan.platform.security.CurrentUser;
import dk.beskplan.platform.security.Roles;
import dk.beskplan.platform.web.InvalidInput;
import dk.beskplan.platform.web.PageForms;
import dk.beskplan.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secretary sets up the municipality's committees (members with party and role, secretaries) and the approval
 * route. Members are written one per line, "Navn; Parti; rolle", as a secretary would copy them from the
 * municipality's website.
 */
@Controller("/approval/udvalg")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.SECRETARY)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class CommitteePages {
    private static final int ROUTE_ROWS = 4;
    /** The route form's mark in {@code failed} (the committees' forms are marked by their ids). */
    private static final UUID ROUTE_FORM = new UUID(0, 0);
    private static final Pattern MEMBER_FIELD = Pattern.compile("members\\[(\\d+)](?:\\.\\w+)?");
    private final Committees committees;

    public CommitteePages(Committees committees) {
        this.committees = committees;
    }

    @Get
    public ModelAndView<Map<String, Object>> list(@QueryValue @Nullable String udfoert, Authentication auth) {
        return view(CurrentUser.of(auth), null, Map.of(), Map.of(), udfoert);
    }

    @Post
    public MutableHttpResponse<?> create(@Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return Forms.submit(() -> {
            List<Committee.Member> members = checked(form, user);
            committees.create(PageForms.text(form, "name"), kind(form), members, lines(form.get("secretaries")),
                    "on".equals(form.get("decidesPlans")), user);
        }, "/approval/udvalg?udfoert=oprettet", errors -> view(user, null, errors, form, null));
    }

    @Post("/{id}")
    public MutableHttpResponse<?> update(@PathVariable UUID id, @Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return Forms.submit(Forms.run(() -> committees.update(id, Forms.version(form) == null ? -1 : Forms.version(form),
                        PageForms.text(form, "name"), kind(form), checked(form, user), lines(form.get("secretaries")), user)),
                "/approval/udvalg?udfoert=gemt", errors -> view(user, id, errors, form, null));
    }

    @Post("/forloeb")
    public MutableHttpResponse<?> route(@Body Map<String, String> form, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        UUID routeForm = ROUTE_FORM;
        return Forms.submit(Forms.run(() -> {
            List<ApprovalRoute.Stage> stages = new ArrayList<>();
            for (int i = 0; i < ROUTE_ROWS; i++) {
                String step = PageForms.text(form, "stage." + i);
                if (step == null) {
                    continue;
                }
                if (step.equals("HEARING")) {
                    Integer days = Forms.number(form, "stage." + i + ".days", "stages");
                    stages.add(new ApprovalRoute.Hearing(PageForms.text(form, "stage." + i + ".body"), days == null ? 0 : days));
                } else {
                    UUID committee = Forms.uuid(form, "stage." + i);
                    if (committee == null) {
                        throw InvalidInput.field("stages", "trin " + (i + 1) + ": vælg høring eller et af kommunens udvalg");
                    }
                    stages.add(new ApprovalRoute.Decision(committee));
                }
            }
            return committees.saveRoute(stages, Forms.version(form) == null ? -1 : Forms.version(form), user);
        }), "/approval/udvalg?udfoert=forloeb", errors -> view(user, routeForm, errors, form, null));
    }

    private ModelAndView<Map<String, Object>> view(CurrentUser user, @Nullable UUID failed, Map<String, String> errors,
                                                   Map<String, String> form, @Nullable String done) {
        List<Committee> all = committees.list(user);
        RouteView route = committees.route(user);
        Map<UUID, String> memberText = new HashMap<>();
        Map<UUID, String> secretaryText = new HashMap<>();
        all.forEach(c -> {
            memberText.put(c.id(), String.join("\n", c.members().stream().map(CommitteePages::line).toList()));
            secretaryText.put(c.id(), String.join("\n", c.secretaries()));
        });
        List<Map<String, Object>> stages = new ArrayList<>();
        for (int i = 0; i < ROUTE_ROWS; i++) {
            Map<String, Object> row = new HashMap<>();
            ApprovalRoute.Stage stage = i < route.route().stages().size() ? route.route().stage(i) : null;
            row.put("index", i);
            row.put("value", stage instanceof ApprovalRoute.Hearing ? "HEARING"
                    : stage instanceof ApprovalRoute.Decision d && d.committeeId() != null ? d.committeeId().toString() : "");
            row.put("body", stage instanceof ApprovalRoute.Hearing h ? h.body() : "");
            row.put("days", stage instanceof ApprovalRoute.Hearing h ? String.valueOf(h.days()) : "");
            stages.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("committees", all);
        model.put("memberText", memberText);
        model.put("secretaryText", secretaryText);
        model.put("route", route);
        model.put("stages", stages);
        model.put("failed", failed);
        model.put("newForm", failed == null ? form : Map.of());
        // Where the summary's link for each refused field leads: the field in the form that was sent.
        Map<String, String> targets = new HashMap<>();
        errors.keySet().forEach(field -> targets.put(field, failed == null ? (field.equals("general") ? "name" : field)
                : failed.equals(ROUTE_FORM) ? "stage-0" : (field.equals("general") ? "name" : field) + "-" + failed));
        model.put("errorTargets", targets);
        model.put("newErrors", failed == null ? errors : Map.of()); // the new committee's form shows these at its fields
        return Forms.page("approval/committees", model, errors, form, done);
    }

    private static String line(Committee.Member m) {
        return m.name() + "; " + (m.party() == null ? "" : m.party()) + "; " + switch (m.role()) {
            case CHAIR -> "formand";
            case VICE_CHAIR -> "næstformand";
            case MEMBER -> "medlem";
        };
    }

    private static Committee.Kind kind(Map<String, String> form) {
        return "COUNCIL".equals(form.get("kind")) ? Committee.Kind.COUNCIL : Committee.Kind.COMMITTEE;
    }

    /**
     * The form's members, refused with every problem of the form at once, each under the form field it concerns: the
     * lines that cannot be read and what the committee refuses ({@link Committees#problems}) under {@code members}, by
     * line number; unknown secretaries under {@code secretaries}; the name under {@code name}.
     */
    private List<Committee.Member> checked(Map<String, String> form, CurrentUser user) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        List<Committee.Member> members = members(form, errors, lineOf);
        for (ProblemException.FieldError e : committees.problems(PageForms.text(form, "name"), members,
                lines(form.get("secretaries")), user)) {
            Matcher member = MEMBER_FIELD.matcher(e.field());
            if (member.matches()) {
                errors.add(new ProblemException.FieldError("members",
                        "linje " + lineOf.get(Integer.parseInt(member.group(1))) + ": " + e.message()));
            } else {
                errors.add(new ProblemException.FieldError(e.field().replaceAll("\\[\\d+]$", ""), e.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return members;
    }

    /**
     * "Navn; Parti; rolle" per line; the role may be left out (a member). Lines that cannot be read are added to
     * {@code errors} (under {@code members}, by line number); {@code lineOf} gets each member's line number.
     */
    static List<Committee.Member> members(Map<String, String> form, List<ProblemException.FieldError> errors, List<Integer> lineOf) {
        List<Committee.Member> members = new ArrayList<>();
        int lineNumber = 0;
        for (String line : lines(form.get("members"))) {
            lineNumber++;
            String[] parts = line.split(";", -1);
            if (parts.length > 3) {
                errors.add(new ProblemException.FieldError("members", "linje " + lineNumber + ": skriv \"Navn; Parti; rolle\""));
                continue;
            }
            String role = parts.length > 2 ? parts[2].strip().toLowerCase(Locale.ROOT) : "";
            Committee.Role r = switch (role) {
                case "formand" -> Committee.Role.CHAIR;
                case "næstformand" -> Committee.Role.VICE_CHAIR;
                case "", "medlem" -> Committee.Role.MEMBER;
                default -> null;
            };
            if (r == null) {
                errors.add(new ProblemException.FieldError("members", "linje " + lineNumber
                        + ": rollen skal være formand, næstformand eller medlem"));
                continue;
            }
            members.add(new Committee.Member(parts[0].strip(), parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null, r));
            lineOf.add(lineNumber);
        }
        return members;
    }

    static List<String> lines(@Nullable String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
