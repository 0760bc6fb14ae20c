package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.Members;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tribune in a real browser, headless Chromium, used as a person would: by the links, forms and buttons on the
 * pages. Every step leaves a full-page screenshot in {@code target/screenshots} for people to look at, and every
 * request the pages make is checked to stay on Tribune's own origin.
 */
@IntegrationTest
@Tag("browser")
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Members members;

    private String origin;
    private Path profile;
    private ChromeDriver browser;
    private final List<String> requests = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();
    /** Pages opened on purpose although they do not exist: the browser reports their 404 in its console. */
    private final List<String> missingOnPurpose = new ArrayList<>();

    @BeforeEach
    void startChromium() throws IOException {
        requireInstalled(CHROMIUM, "chromium");
        requireInstalled(CHROMEDRIVER, "chromium-driver");
        origin = "http://localhost:" + port;
        profile = Files.createTempDirectory("tribune-chromium-");
        Files.createDirectories(SCREENSHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        // Debian's driver, given explicitly, so that Selenium Manager never looks for (or downloads) another.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(PATIENCE);
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aNewcomerSignsUpConfirmsTheAddressLogsInAndSwitchesToFrench() {
        String handle = Members.uniqueHandle("walk");
        String email = Members.emailOf(handle);

        open("/");
        assertThat(h1()).isEqualTo("A social network that works for you, not for advertisers");
        assertThat(lang()).isEqualTo("en");
        screenshot("01-welcome");

        follow(browser.findElement(By.linkText("Join Tribune")));
        assertThat(path()).isEqualTo("/signup");
        assertThat(h1()).isEqualTo("Join Tribune");
        screenshot("02-signup");

        field("handle").sendKeys(handle);
        field("email").sendKeys(email);
        field("password").sendKeys(Members.PASSWORD);
        new Select(field("locale")).selectByVisibleText("English");
        field("acceptConduct").sendKeys(Keys.SPACE); // by keyboard, so the focus ring shows
        assertThat(field("acceptConduct").isSelected()).isTrue();
        screenshot("03-signup-filled");

        follow(button("Create my account"));
        assertThat(path()).isEqualTo("/signup/done");
        assertThat(h1()).isEqualTo("Check your e-mail");
        assertThat(text()).contains(email);
        screenshot("04-check-your-mail");

        URI link = URI.create(TestMail.await(email).link("/verify"));
        assertThat(link.getPath()).isEqualTo("/verify");
        // The mail's host is tribune.base-url, which cannot know the test's random port; the path and token are
        // what the link is about.
        open(link.getRawPath() + "?" + link.getRawQuery());
        assertThat(h1()).isEqualTo("Address confirmed");
        assertThat(text()).contains("@" + handle);
        screenshot("05-address-confirmed");

        follow(browser.findElement(By.cssSelector("main a.button")));
        assertThat(path()).isEqualTo("/login");
        assertThat(h1()).isEqualTo("Log in");
        field("email").sendKeys(email);
        field("password").sendKeys(Members.PASSWORD);
        screenshot("06-login");

        follow(button("Log in"));
        assertThat(path()).isEqualTo("/");
        assertThat(h1()).startsWith("Welcome");
        assertThat(header().getText()).contains("@" + handle);
        screenshot("07-home");

        follow(header().findElement(By.linkText("Settings")));
        assertThat(path()).isEqualTo("/settings");
        assertThat(h1()).isEqualTo("Settings");
        screenshot("08-settings");

        new Select(field("locale")).selectByVisibleText("Français");
        follow(browser.findElement(By.cssSelector("form[action='/settings/preferences'] button[type=submit]")));
        assertThat(path()).isEqualTo("/settings");
        assertThat(lang()).isEqualTo("fr");
        assertThat(h1()).isEqualTo("Réglages");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isNotBlank();
        assertThat(new Select(field("locale")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("fr");
        assertThat(languageButton("fr").getDomAttribute("aria-pressed")).isEqualTo("true");
        screenshot("09-settings-fr");

        follow(languageButton("en"));
        assertThat(path()).isEqualTo("/settings");
        assertThat(lang()).isEqualTo("en");
        assertThat(h1()).isEqualTo("Settings");
        assertThat(languageButton("en").getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(languageButton("fr").getDomAttribute("aria-pressed")).isEqualTo("false");
        screenshot("10-settings-en-by-header");

        follow(languageButton("fr"));
        assertThat(lang()).isEqualTo("fr");
        assertThat(h1()).isEqualTo("Réglages");
        follow(header().findElement(By.linkText("Accueil")));
        assertThat(lang()).isEqualTo("fr");
        assertThat(h1()).startsWith("Bienvenue");
        screenshot("11-home-fr");

        assertEverythingCameFromTribune();
    }

    @Test
    void theLanguageButtonsStayOnThePageAfterAMistakeOrAMissingPage() {
        Account member = members.active("lang");
        open("/login");
        field("email").sendKeys(member.email());
        field("password").sendKeys(Members.PASSWORD);
        follow(button("Log in"));

        open("/settings");
        field("displayName").clear();
        field("displayName").sendKeys("   "); // passes the browser's own check for a required field, not Tribune's
        follow(browser.findElement(By.cssSelector("form[action='/settings/profile'] button[type=submit]")));
        assertThat(path()).isEqualTo("/settings/profile");
        assertThat(browser.findElement(By.id("displayName-error")).getText()).isEqualTo("Please enter a name.");
        screenshot("40-settings-mistake");
        follow(languageButton("fr"));
        assertThat(path()).isEqualTo("/settings");
        assertThat(h1()).isEqualTo("Réglages");
        screenshot("41-settings-mistake-then-fr");

        missingOnPurpose.add("/no-such-page");
        open("/no-such-page");
        assertThat(h1()).isEqualTo("Page introuvable");
        follow(languageButton("en"));
        assertThat(path()).isEqualTo("/no-such-page");
        assertThat(h1()).isEqualTo("Page not found");
        assertThat(text()).contains("There is nothing here");
        screenshot("42-missing-page-en");

        assertEverythingCameFromTribune();
    }

    @Test
    void signUpMistakesAreShownBesideTheirFields() {
        open("/signup");

        follow(button("Create my account"));
        assertThat(path()).isEqualTo("/signup");
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
                .contains("A handle has 3 to 30 letters, digits or underscores.")
                .contains("Please accept the code of conduct to join.");
        assertThat(field("handle").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("handle-error")).getText()).isNotBlank();
        screenshot("20-signup-empty");
        inDarkMode(true);
        screenshot("21-signup-empty-dark");
        inDarkMode(false);

        field("handle").sendKeys("no spaces, please!");
        field("email").sendKeys("someone@example.test");
        field("password").sendKeys(Members.PASSWORD);
        field("acceptConduct").sendKeys(Keys.SPACE);
        follow(button("Create my account"));
        assertThat(browser.findElements(By.cssSelector(".error-summary li"))).hasSize(1);
        assertThat(field("handle").getDomAttribute("value")).isEqualTo("no spaces, please!");
        assertThat(field("email").getDomAttribute("value")).isEqualTo("someone@example.test");
        assertThat(field("password").getDomAttribute("value")).isEmpty();
        screenshot("22-signup-bad-handle");

        follow(browser.findElement(By.cssSelector(".error-summary a")));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("handle");

        assertEverythingCameFromTribune();
    }

    @Test
    void pagesFitAPhone() {
        Account member = members.active("phone");
        onPhone();

        open("/");
        assertNoSidewaysScrolling();
        screenshot("30-phone-welcome");

        open("/signup");
        follow(button("Create my account"));
        assertNoSidewaysScrolling();
        screenshot("31-phone-signup-errors");

        open("/login");
        field("email").sendKeys(member.email());
        field("password").sendKeys(Members.PASSWORD);
        follow(button("Log in"));
        open("/settings");
        assertThat(h1()).isEqualTo("Settings");
        assertNoSidewaysScrolling();
        screenshot("32-phone-settings");

        assertEverythingCameFromTribune();
    }

    private static void requireInstalled(Path program, String debianPackage) {
        if (!Files.isExecutable(program)) {
            fail("The browser test needs " + program + ": install it with `apt-get install chromium chromium-driver` "
                    + "(package " + debianPackage + "). .ci/run does so.");
        }
    }

    private void open(String path) {
        browser.get(origin + path);
    }

    /** Clicks a link or a submit button and waits for the next page. */
    private void follow(WebElement element) {
        WebElement before = browser.findElement(By.tagName("html"));
        String url = browser.getCurrentUrl();
        element.click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.or(ExpectedConditions.stalenessOf(before),
                d -> !d.getCurrentUrl().equals(url) && isFragmentOnly(url, d.getCurrentUrl())));
        new WebDriverWait(browser, PATIENCE).until(
                d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    private static boolean isFragmentOnly(String before, String after) {
        return after.contains("#") && after.substring(0, after.indexOf('#')).equals(before.replaceFirst("#.*", ""));
    }

    private WebElement field(String id) {
        return browser.findElement(By.id(id));
    }

    private WebElement button(String text) {
        return browser.findElement(By.xpath("//main//button[normalize-space()='" + text + "']"));
    }

    private WebElement languageButton(String language) {
        return header().findElement(By.cssSelector("form.language button[value='" + language + "']"));
    }

    private WebElement header() {
        return browser.findElement(By.cssSelector("header.site-header"));
    }

    private String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private String lang() {
        return browser.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    private String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    /** A 390 px wide touch screen, as a recent phone. */
    private void onPhone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
    }

    /** As for a reader whose system is set to a dark theme. */
    private void inDarkMode(boolean dark) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    private void assertNoSidewaysScrolling() {
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("page wider than the screen on " + path()).isLessThanOrEqualTo(0);
    }

    /** The whole page, not only what fits in the window. */
    private void screenshot(String name) {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
        Map<?, ?> viewport = (Map<?, ?>) metrics.get("cssLayoutViewport");
        double width = Math.max(number(content.get("width")), number(viewport.get("clientWidth")));
        double height = Math.max(number(content.get("height")), number(viewport.get("clientHeight")));
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        readBrowserLogs();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private void readBrowserLogs() {
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            JsonNode params = message.path("params");
            // The browser's own pages (its new-tab page, loaded before the first visit) are not Tribune's.
            if ("Network.requestWillBeSent".equals(message.path("method").asString())
                    && !params.path("documentURL").asString().startsWith("chrome://")) {
                requests.add(params.path("request").path("url").asString());
            }
        }
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            boolean expected = missingOnPurpose.stream().anyMatch(path -> entry.getMessage().startsWith(origin + path + " "));
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expected) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }

    /** No request to another site: fonts, styles, images and scripts all come from Tribune itself. */
    private void assertEverythingCameFromTribune() {
        readBrowserLogs();
        assertThat(requests).as("requests the pages made").isNotEmpty().anyMatch(url -> url.endsWith("/css/tribune.css"));
        assertThat(requests).as("requests the pages made").allMatch(url -> url.startsWith(origin + "/"),
                "go to " + origin);
        assertThat(consoleErrors).as("errors in the browser console (CSP violations, failed loads)").isEmpty();
    }
}
