package dk.beskplan.app;

import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One OpenAPI description for the whole application, served as application/yaml and completed so it is true
 * (docs/api.md): security schemes, problem answers, binary downloads, unique operation ids, no page routes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionTest {
    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void describesEveryModulesEndpointsAndThePlanDocument() {
        Api.Response description = app.api().getAny("/swagger/beskplan.yml");
        assertThat(description.status()).isEqualTo(200);
        assertThat(description.header("Content-Type")).startsWith("application/yaml");
        assertThat(description.body()).contains("/api/login:", "/api/plans/import:", "/api/plans/{id}/comparison:",
                "/api/approval/inbox:", "/api/followup/plans/{planId}/rounds:", "/api/archive/plans/{planId}/timeline:",
                "PlanDocument:", "SuccessCriterion:", "CHANGE_FROM_BASELINE");
        // The document endpoints point at the schema rather than at an anonymous object.
        assertThat(description.body()).contains("$ref: '#/components/schemas/PlanDocument'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void isTrueAboutSecurityErrorsDownloadsAndIds() {
        Map<String, Object> doc = new Yaml().load(app.api().getAny("/swagger/beskplan.yml").body());
        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        Map<String, Object> schemes = (Map<String, Object>) components.get("securitySchemes");
        assertThat((Map<String, Object>) schemes.get("sessionCookie")).containsEntry("in", "cookie").containsEntry("name", "BESKPLAN_SESSION");
        assertThat((Map<String, Object>) schemes.get("csrfToken")).containsEntry("in", "header").containsEntry("name", "X-CSRF-Token");

        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        assertThat(paths.keySet()).as("only the JSON API, no pages, /login or /logout").allMatch(p -> p.startsWith("/api/"));
        List<String> ids = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            Map<String, Object> op = (Map<String, Object>) value;
            ids.add((String) op.get("operationId"));
            assertThat(op.get("summary")).as(method + " " + path + " summary").isNotNull();
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            assertThat(responses).as(method + " " + path).containsKeys("406", "500");
            assertThat(responses.keySet()).as(method + " " + path + " success").anyMatch(s -> s.startsWith("2"));
        }));
        assertThat(ids).as("operation ids").doesNotHaveDuplicates();

        Map<String, Object> login = (Map<String, Object>) paths.get("/api/login").get("post");
        assertThat((List<?>) login.get("security")).as("login is open").isEmpty();
        assertThat((Map<String, Object>) login.get("responses")).containsKeys("200", "400", "401", "403").doesNotContainKey("429");
        Map<String, Object> create = (Map<String, Object>) paths.get("/api/approval/committees").get("post");
        assertThat(create.get("security")).isEqualTo(List.of(Map.of("sessionCookie", List.of(), "csrfToken", List.of())));
        assertThat((Map<String, Object>) create.get("responses")).containsKeys("201", "400", "401", "403", "409", "413", "415")
                .doesNotContainKey("200");
        assertThat((Map<String, Object>) ((Map<String, Object>) paths.get("/api/logout").get("post")).get("responses")).containsKey("204");
        Map<String, Object> problem = (Map<String, Object>) ((Map<String, Object>) components.get("responses")).get("NotFound");
        assertThat(problem.toString()).contains("application/problem+json", "#/components/schemas/Problem");

        for (String[] download : new String[][]{{"/api/archive/plans/{planId}/package", "application/zip"},
                {"/api/archive/documents/{id}/pdf", "application/pdf"}, {"/api/plans/{id}/document.pdf", "application/pdf"},
                {"/api/followup/plans/{planId}/overview.csv", "text/csv"},
                {"/api/followup/plans/{planId}/overview.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}}) {
            Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) paths.get(download[0])
                    .get("get")).get("responses")).get("200");
            Map<String, Object> content = (Map<String, Object>) ok.get("content");
            assertThat(content).as(download[0]).containsOnlyKeys(download[1]);
            assertThat(((Map<String, Object>) content.get(download[1])).get("schema"))
                    .as(download[0]).isEqualTo(Map.of("type", "string", "format", "binary"));
        }
    }

    @Test
    void swaggerUiIsServed() {
        Api anonymous = app.api();
        Api.Response redirect = anonymous.getPage("/swagger-ui");
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.header("Location")).isEqualTo("/swagger-ui/index.html");
        Api.Response page = anonymous.getPage("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/swagger/beskplan.yml", "swagger-ui-bundle.js");
        assertThat(anonymous.getAny("/swagger-ui/res/swagger-ui-bundle.js").status()).isEqualTo(200);
    }
}
