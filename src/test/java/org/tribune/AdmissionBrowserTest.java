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
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.account.Members;
import org.tribune.admission.AdmissionService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The way in, in headless Chromium, with the gates closed (a daily quota of 0): a newcomer signs up, waits, and
 * comes in by a test donation; another comes in by a member's invitation link. Every step leaves a full-page
 * screenshot {@code target/screenshots/admission-NN-name.png}; every request stays on Tribune's own origin and
 * nothing is reported in the browser console.
 */
@IntegrationTest
@Tag("browser")
class AdmissionBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    AdmissionService admission;
    @Autowired
    AccountService accounts;

    private String origin;
    private Path profile;
    private ChromeDriver browser;
    private final List<String> requests = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> missingOnPurpose = new ArrayList<>();

    @BeforeEach
    void closeTheGatesAndStartChromium() throws IOException {
        admission.setDailyQuota(0, 0);
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
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(PATIENCE);
    }

    @AfterEach
    void stopChromiumAndOpenTheGates() throws IOException {
        admission.setDailyQuota(null, 0); // the other tests of the run expect open gates
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
    void aNewcomerWaitsThenComesInByATestDonation() {
        String handle = Members.uniqueHandle("donor");
        String email = Members.emailOf(handle);

        open("/");
        assertThat(lang()).isEqualTo("en");
        screenshot("01-welcome");

        follow(browser.findElement(By.linkText("Join Tribune")));
        assertThat(path()).isEqualTo("/signup");
        signUp(handle, email);
        screenshot("02-signup-filled");

        follow(button("Create my account"));
        assertThat(path()).isEqualTo("/signup/done");
        assertThat(text()).contains(email);
        screenshot("03-check-your-mail");

        verify(email);
        assertThat(h1()).isEqualTo("Address confirmed");
        assertThat(text()).contains("@" + handle).contains("You are on the waiting list");
        screenshot("04-address-confirmed-waiting");

        follow(browser.findElement(By.cssSelector("main a.button")));
        logIn(email);
        screenshot("05-login");
        follow(button("Log in"));
        assertThat(path()).isEqualTo("/waitlist");
        assertThat(h1()).isEqualTo("You are on the waiting list");
        assertThat(text()).containsPattern("Your place in the queue: \\d+\\.")
                .contains("Admissions are paused for now").contains("Two ways in sooner");
        assertThat(browser.findElements(By.cssSelector("main a[href='/invitations']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("main a[href='/donate']"))).hasSize(1);
        screenshot("06-waitlist");

        follow(browser.findElement(By.cssSelector("main a[href='/donate']")));
        assertThat(path()).isEqualTo("/donate");
        assertThat(h1()).isEqualTo("Support Tribune");
        assertThat(text()).contains("Every feature of Tribune is free for everyone").contains("Offline mode.");
        screenshot("07-donate");

        browser.findElement(By.cssSelector("input[name=interval][value=MONTHLY]")).click();
        new Select(field("currency")).selectByValue("USD");
        field("amount").clear();
        field("amount").sendKeys("13");
        screenshot("08-donate-monthly-13");

        follow(button("Continue to the test payment"));
        assertThat(path()).matches("/donate/\\d+");
        assertThat(text()).contains("Test payment").contains("$13.00").contains("Every month");
        screenshot("09-test-payment");

        follow(button("Pay (test, no money moves)"));
        assertThat(path()).matches("/donate/\\d+");
        assertThat(browser.findElement(By.cssSelector(".notice[role=status], .notice")).getText()).isNotBlank();
        assertThat(text()).contains("Test payment done").contains("you are in");
        screenshot("10-paid");

        assertThat(accounts.byHandle(handle).orElseThrow().state()).isEqualTo(AccountState.ACTIVE);
        assertThat(TestMail.to(email)).anyMatch(mail -> mail.subject().startsWith("Your receipt"));

        open("/");
        assertThat(path()).as("admitted: the home feed, no longer the waiting list").isEqualTo("/");
        assertThat(h1()).startsWith("Welcome");
        screenshot("11-admitted-home");
        open("/waitlist");
        assertThat(path()).isEqualTo("/");

        assertEverythingCameFromTribune();
    }

    @Test
    void aNewcomerComesInAtOnceByAMembersInvitationLink() {
        Account ana = members.active("ana");
        open("/login");
        logIn(ana.email());
        follow(button("Log in"));
        open("/invitations");
        assertThat(h1()).isEqualTo("Invitations");
        screenshot("20-invitations");
        follow(button("Make an invitation link"));
        String link = field("created-link").getDomAttribute("value");
        assertThat(link).contains("/signup?invite=");
        screenshot("21-invitation-made");
        browser.manage().deleteAllCookies(); // Ana leaves; the newcomer uses the same browser

        String handle = Members.uniqueHandle("invited");
        String email = Members.emailOf(handle);
        URI invite = URI.create(link);
        open(invite.getRawPath() + "?" + invite.getRawQuery());
        assertThat(text()).contains("You were invited");
        signUp(handle, email);
        screenshot("22-signup-invited");
        follow(button("Create my account"));
        assertThat(path()).isEqualTo("/signup/done");

        verify(email);
        assertThat(h1()).isEqualTo("Address confirmed");
        assertThat(text()).doesNotContain("waiting list").contains("You are in");
        screenshot("23-invited-confirmed");

        follow(browser.findElement(By.cssSelector("main a.button")));
        logIn(email);
        follow(button("Log in"));
        assertThat(path()).as("in at once: the home feed, not the waiting list").isEqualTo("/");
        assertThat(h1()).startsWith("Welcome");
        screenshot("24-invited-home");

        browser.manage().deleteAllCookies(); // someone else tries the same link, now used
        open(invite.getRawPath() + "?" + invite.getRawQuery());
        assertThat(text()).contains("This invitation link is not valid").doesNotContain("You were invited");
        assertThat(browser.findElements(By.id("handle"))).as("they may still sign up and wait").hasSize(1);
        screenshot("25-invitation-link-used");
        open(invite.getRawPath() + "?" + invite.getRawQuery() + "&lang=fr");
        assertThat(text()).contains("Ce lien d’invitation n’est pas valable");
        screenshot("26-invitation-link-used-fr");

        assertEverythingCameFromTribune();
    }

    @Test
    void theWaitingListAndDonatePagesFitAPhoneAndReadInFrench() {
        Account waiting = members.waiting("phone");
        open("/login");
        logIn(waiting.email());
        follow(button("Log in"));
        assertThat(path()).isEqualTo("/waitlist");

        onPhone();
        open("/waitlist");
        assertNoSidewaysScrolling();
        screenshot("30-phone-waitlist");
        open("/donate");
        assertNoSidewaysScrolling();
        screenshot("31-phone-donate");
        desktop();

        open("/donate?lang=fr");
        assertThat(lang()).isEqualTo("fr");
        screenshot("32-donate-fr");
        open("/transparency?lang=fr");
        assertThat(lang()).isEqualTo("fr");
        screenshot("33-transparency-fr");

        assertEverythingCameFromTribune();
    }

    private void signUp(String handle, String email) {
        field("handle").sendKeys(handle);
        field("email").sendKeys(email);
        field("password").sendKeys(Members.PASSWORD);
        new Select(field("locale")).selectByVisibleText("English");
        field("acceptConduct").sendKeys(Keys.SPACE);
    }

    /** The mail's link names tribune.base-url, which cannot know the test's random port: its path and token do. */
    private void verify(String email) {
        URI link = URI.create(TestMail.await(email).link("/verify"));
        open(link.getRawPath() + "?" + link.getRawQuery());
    }

    private void logIn(String email) {
        assertThat(path()).isEqualTo("/login");
        field("email").sendKeys(email);
        field("password").sendKeys(Members.PASSWORD);
    }

    private void desktop() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
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
            Files.write(SCREENSHOTS.resolve("admission-" + name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
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
