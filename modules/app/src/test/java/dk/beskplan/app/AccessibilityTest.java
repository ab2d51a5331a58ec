package dk.beskplan.app;

import dk.beskplan.platform.demo.DemoUsers;
import dk.beskplan.platform.testing.Api;
import dk.beskplan.platform.testing.Eventually;
import dk.beskplan.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.1 A and AA over every page of every role, with axe-core in Chromium: on the demo data, each role
 * (official, secretary, manager, reader, administrator) follows every link of the site from the start page, and
 * every kind of page (the same address with other ids is the same kind) is checked; then the pages without login
 * (login, public page, accessibility statement) and the error pages. 0 violations; the count is printed and
 * written to target/browser-tests/axe.txt. A page a future module adds is reached through its links and checked
 * without changing this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Downloads and addresses that are not pages. */
    private static final List<String> NOT_PAGES = List.of("/api/", "/static/", "/webjars/", "/swagger", "/logout", ".pdf", ".csv",
            ".ics", ".zip", "/pakke", "/kalender/");
    private TestApp app;
    private final Map<String, List<String>> checkedByRole = new HashMap<>();

    @BeforeAll
    void start() {
        app = Fixtures.startDemo();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void everyPageOfEveryRoleAndTheErrorPagesHaveNoViolations() throws Exception {
        int before = Accessibility.pagesChecked();
        for (String user : List.of("holbaek.embedsmand", "holbaek.sekretaer", "holbaek.leder", "holbaek.laeser", "admin")) {
            try (Browser browser = new Browser(app.url())) {
                browser.login(user, DemoUsers.PASSWORD);
                checkedByRole.put(user, crawl(browser));
                // The error pages as a logged-in person sees them (menu and all).
                for (String path : List.of("/findes-ikke", "/plans/ikke-et-id", "/logout", "/test-fejl/409", "/test-fejl/413", "/test-fejl/500")) {
                    browser.open(path).awaitText("Fejlkode");
                    browser.checkAccessibility();
                    checkedByRole.get(user).add(path);
                }
            }
        }
        try (Browser anonymous = new Browser(app.url())) {
            List<String> open = new ArrayList<>();
            for (String path : List.of("/login", "/tilgaengelighed", "/offentlig/316", "/findes-ikke")) {
                anonymous.open(path);
                anonymous.checkAccessibility();
                open.add(path);
            }
            anonymous.open("/offentlig/316").click("Beskæftigelsesplan 2025");
            anonymous.checkAccessibility();
            open.add("/offentlig/316/{id}");
            checkedByRole.put("uden login", open);
        }
        int pages = Accessibility.pagesChecked() - before;
        StringBuilder summary = new StringBuilder("axe-core " + Accessibility.TAGS + ": " + pages + " pages checked, 0 violations\n");
        checkedByRole.forEach((role, paths) -> summary.append("  ").append(role).append(" (").append(paths.size()).append("): ")
                .append(String.join(" ", paths)).append('\n'));
        System.out.println(summary);
        Path record = Path.of(System.getProperty("beskplan.browser-records", "target/browser-tests"), "axe.txt");
        Files.createDirectories(record.getParent());
        Files.writeString(record, summary);
        assertThat(checkedByRole.get("holbaek.embedsmand")).contains("/", "/plans", "/plans/{id}", "/arkiv");
        assertThat(checkedByRole.get("holbaek.sekretaer")).contains("/approval/inbox", "/approval/moeder");
        assertThat(checkedByRole.get("holbaek.leder")).contains("/followup/opgaver");
        assertThat(pages).isGreaterThan(40);
    }

    /** Follows the site's links from the start page; checks one page of each kind. Returns the kinds checked. */
    private List<String> crawl(Browser browser) {
        Set<String> kinds = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        while (!queue.isEmpty()) {
            String path = queue.poll();
            String kind = kind(path);
            if (!kinds.add(kind)) {
                continue;
            }
            browser.open(path);
            browser.checkAccessibility();
            for (var link : browser.driver.findElements(By.cssSelector("a[href]"))) {
                String next = local(link.getAttribute("href"));
                if (next != null && !kinds.contains(kind(next))) {
                    queue.add(next);
                }
            }
        }
        return new ArrayList<>(kinds);
    }

    private String local(String href) {
        if (href == null) {
            return null;
        }
        URI uri = URI.create(href.replace(" ", "%20"));
        URI base = URI.create(app.url());
        if (uri.getHost() == null || !uri.getHost().equals(base.getHost()) || uri.getPort() != base.getPort()) {
            return null;
        }
        String path = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        return NOT_PAGES.stream().anyMatch(path::contains) ? null : path;
    }

    /** The kind of page: ids and numbers replaced, the query's values dropped. */
    static String kind(String path) {
        String[] parts = path.split("\\?", 2);
        String kind = parts[0].replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")
                .replaceAll("/\\d+(?=/|$)", "/{n}");
        if (parts.length > 1) {
            kind += "?" + parts[1].replaceAll("=[^&]*", "=");
        }
        return kind;
    }
}
