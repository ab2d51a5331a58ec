package dk.beskplan.app;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's Chromium, headless, driven through chromedriver, reading pages the way a person does: by
 * labels and button texts. Explicit paths, so Selenium Manager never tries the network; the flags keep
 * Chromium from calling home on a closed network.
 *
 * <p>Two records every browser test adds to without doing anything for it:
 * <ul>
 *   <li>every page form submitted (its {@code data-form} name), whatever submitted it (a click, Enter, a test
 *       using the driver directly): {@link FormRecord}, checked by EveryFormIsSubmittedTest after all tests;</li>
 *   <li>{@link #checkAccessibility()} runs axe-core on the page shown and counts the pages checked.</li>
 *   <li>nothing a page does may be blocked by the Content-Security-Policy: the browser's console is read before
 *       each new page and at the end, and a violation fails the test naming it.</li>
 * </ul>
 */
final class Browser implements AutoCloseable {
    private static final String CHROMIUM = System.getProperty("beskplan.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("beskplan.chromedriver", "/usr/bin/chromedriver");
    private final String baseUrl;
    private final Path profile;
    final WebDriver driver;
    private final WebDriverWait wait;

    Browser(String baseUrl) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver");
        }
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("beskplan-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=da-DK", "--window-size=1280,2000", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        FormRecord.startOnce();
        ChromeDriver chrome = new ChromeDriver(service, options);
        this.driver = chrome;
        // Before any page script: note each submitted form's name in the page origin's localStorage.
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", FormRecord.LISTENER));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // A page being replaced (navigation, an htmx swap) leaves stale elements behind: look again.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    Browser open(String path) {
        FormRecord.harvest(driver);
        checkNoPolicyViolations();
        driver.get(baseUrl + path);
        return this;
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page shown; fails naming each violation and where it is.
     * Returns the number of the page among all pages checked in this JVM.
     */
    int checkAccessibility() {
        return Accessibility.check(driver);
    }

    Browser login(String username, String password) {
        open("/login");
        fill("Brugernavn", username);
        fill("Adgangskode", password);
        click("Log ind");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return this;
    }

    /** The input, text area or select whose label reads {@code label} (the first, if several do). */
    WebElement field(String label) {
        WebElement labelElement = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[normalize-space(.)=" + literal(label) + "]")));
        String target = labelElement.getAttribute("for");
        return target == null || target.isBlank()
                ? labelElement.findElement(By.xpath(".//input | .//select | .//textarea"))  // a label around its field
                : driver.findElement(By.id(target));
    }

    Browser fill(String label, String value) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    Browser fillById(String id, String value) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** The value a field holds now, as the form would send it. */
    String value(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getDomProperty("value");
    }

    /** Sets a field's value the way a date picker does (typing into a date input depends on the locale). */
    Browser setValue(String id, String value) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", field, value);
        return this;
    }

    /**
     * Chooses {@code file} in the file input the CSS selector finds. Looked up afresh on each try: right after an htmx
     * swap or a page load the element first found may already be gone ("does not belong to the document").
     */
    Browser upload(String css, java.nio.file.Path file) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            d.findElement(By.cssSelector(css)).sendKeys(file.toString());
            return true;
        });
        return this;
    }

    /** Ticks the check box whose label reads {@code label} (clicking the label, as a person does). */
    Browser tick(String label) {
        WebElement box = field(label);
        if (!box.isSelected()) {
            WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space(.)=" + literal(label) + "]"));
            // In the middle of the window: at its bottom edge a sticky bar (the editor's save bar) would take the click.
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", labelElement);
            labelElement.click();
        }
        if (!box.isSelected()) {
            throw new AssertionError("the check box '" + label + "' could not be ticked");
        }
        return this;
    }

    Browser choose(String id, String visibleText) {
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)))).selectByVisibleText(visibleText);
        return this;
    }

    /** Clicks the button or link whose text reads {@code text}. */
    Browser click(String text) {
        By target = By.xpath("(//button[normalize-space(.)=" + literal(text) + "] | //a[normalize-space(.)=" + literal(text) + "])[1]");
        // Found and clicked in one try: an htmx swap between finding and clicking leaves a node that is gone.
        wait.until(d -> whileReplaced(() -> {
            WebElement element = ExpectedConditions.elementToBeClickable(target).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        }));
        return this;
    }

    /**
     * Runs a look at the page, answering "not yet" when the node it held was replaced under it: Chromium reports
     * that either as a stale element or as "does not belong to the document", depending on the moment.
     */
    private static Boolean whileReplaced(java.util.function.Supplier<Boolean> look) {
        try {
            return look.get();
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return false;
            }
            throw e;
        }
    }

    /** Clicks the element the CSS selector finds and waits until the browser has loaded the next page. */
    Browser press(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        // The old page is gone: Chromium says so either as a stale element or as a node no longer in the document.
        wait.until(d -> !whileReplaced(() -> {
            page.isEnabled();
            return true;
        }));
        return this;
    }

    /** Waits until an element with this id is on the page (after an htmx swap, say). */
    WebElement await(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** Waits until the page shows this text somewhere. */
    Browser awaitText(String text) {
        try {
            wait.until(d -> whileReplaced(() -> d.findElement(By.tagName("body")).getText().contains(text)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Page " + url() + " never showed \"" + text + "\"; it shows:\n" + text(), e);
        }
        return this;
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    /** Fails if the browser's console reports anything the Content-Security-Policy refused since the last look. */
    void checkNoPolicyViolations() {
        var violations = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
        if (!violations.isEmpty()) {
            throw new AssertionError("The Content-Security-Policy blocked something on " + url() + ":\n" + String.join("\n", violations));
        }
    }

    @Override
    public void close() {
        try {
            FormRecord.harvest(driver);
            checkNoPolicyViolations();
        } finally {
            driver.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
