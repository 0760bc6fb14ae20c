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

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One headless Chromium on the test server, for the browser tests: Debian's {@code /usr/bin/chromium} driven by
 * Debian's {@code /usr/bin/chromedriver}, with what it asked for and what its console said. A test starts one in
 * {@code @BeforeEach} and closes it in {@code @AfterEach}. Screenshots are full pages, in {@code target/screenshots};
 * {@link #assertEverythingCameFromTribune()} checks that every request stayed on the server's origin and that the
 * console reported no error.
 */
class Chromium implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChromeDriver driver;
    private final Path profile;
    /** Whose browser this is, for the messages of a test with several; {@code null} when there is only one. */
    private final String who;
    private final String screenshotPrefix;
    private final String origin;
    private final List<String> requests = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();
    /** Pages opened on purpose although they do not exist for the reader: the browser reports their 404. */
    private final List<String> missingOnPurpose = new ArrayList<>();

    /** A browser on {@code http://localhost:port}; its screenshots are named as given. */
    static Chromium start(int port) {
        return new Chromium(port, null, "");
    }

    /** A browser on {@code http://localhost:port}; its screenshots' names start with the prefix. */
    static Chromium start(int port, String screenshotPrefix) {
        return new Chromium(port, null, screenshotPrefix);
    }

    /**
     * @param who whose browser this is, for the messages when there are several; {@code null} when there is one
     * @param screenshotPrefix what the screenshots' file names start with
     */
    protected Chromium(int port, String who, String screenshotPrefix) {
        requireInstalled(CHROMIUM, "chromium");
        requireInstalled(CHROMEDRIVER, "chromium-driver");
        this.who = who;
        this.screenshotPrefix = screenshotPrefix;
        this.origin = "http://localhost:" + port;
        try {
            profile = Files.createTempDirectory(who == null ? "tribune-chromium-" : "tribune-chromium-" + who + "-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteProfile();
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
    }

    private static void requireInstalled(Path program, String debianPackage) {
        if (!Files.isExecutable(program)) {
            fail("The browser test needs " + program + ": install it with `apt-get install chromium chromium-driver` "
                    + "(package " + debianPackage + "). .ci/run does so.");
        }
    }

    /** Quits the browser and removes its profile. */
    @Override
    public void close() {
        driver.quit();
        deleteProfile();
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The driver itself, for anything the methods here do not do. */
    ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the test server, as {@code /settings}. */
    void open(String path) {
        driver.get(origin + path);
    }

    /** Says that a page will be opened on purpose although it does not exist: its 404 is no console error. */
    void expectMissing(String path) {
        missingOnPurpose.add(path);
    }

    /** Signs in through the login form and checks the server let the person in. */
    void signIn(String email, String password) {
        open("/login");
        field("email").sendKeys(email);
        field("password").sendKeys(password);
        follow(driver.findElement(By.cssSelector("main button[type=submit]")));
        assertThat(path()).as("signed in as " + email).isNotEqualTo("/login");
    }

    /** Reloads the page and waits for it. */
    void reload() {
        andWait(() -> driver.navigate().refresh());
    }

    /** Clicks a link or a submit button and waits for the next page. */
    void follow(WebElement element) {
        andWait(element::click);
    }

    /** Types into a field, ending with a key that submits its form, and waits for the next page. */
    void press(WebElement element, CharSequence... keys) {
        andWait(() -> element.sendKeys(keys));
    }

    private void andWait(Runnable action) {
        WebElement before = driver.findElement(By.tagName("html"));
        String url = driver.getCurrentUrl();
        action.run();
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.or(ExpectedConditions.stalenessOf(before),
                d -> !d.getCurrentUrl().equals(url) && isFragmentOnly(url, d.getCurrentUrl())));
        new WebDriverWait(driver, PATIENCE).until(
                d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    private static boolean isFragmentOnly(String before, String after) {
        return after.contains("#") && after.substring(0, after.indexOf('#')).equals(before.replaceFirst("#.*", ""));
    }

    /** The element with this id. */
    WebElement field(String id) {
        WebElement field = driver.findElement(By.id(id));
        // A folded form (the composer is one line until opened) is opened first, as a person does by clicking it.
        List<WebElement> folded = field.findElements(By.xpath("ancestor::details[not(@open)]/summary"));
        if (!folded.isEmpty()) {
            folded.getLast().click();
        }
        return field;
    }

    /** Opens the header's account menu (profile, settings, language, logout) if it is closed. */
    WebElement accountMenu() {
        WebElement menu = driver.findElement(By.cssSelector("header details.account-menu"));
        if (menu.getDomAttribute("open") == null) {
            menu.findElement(By.tagName("summary")).click();
        }
        return menu;
    }

    /** The button in the page's main part that reads this. */
    WebElement button(String text) {
        return driver.findElement(By.xpath("//main//button[normalize-space()='" + text + "']"));
    }

    String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The text of the page's main part. */
    String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    String lang() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    /** The path of the current address, without query or fragment. */
    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** A 390 px wide touch screen, as a recent phone. */
    void onPhone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
    }

    /** Back to the desktop window after {@link #onPhone()}. */
    void onDesktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
    }

    /** As for a reader whose system is set to a dark theme. */
    void inDarkMode(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    void assertNoSidewaysScrolling() {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("page wider than the screen on " + path()).isLessThanOrEqualTo(0);
    }

    /** The whole page, not only what fits in the window. */
    void screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
        Map<?, ?> viewport = (Map<?, ?>) metrics.get("cssLayoutViewport");
        double width = Math.max(number(content.get("width")), number(viewport.get("clientWidth")));
        double height = Math.max(number(content.get("height")), number(viewport.get("clientHeight")));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.write(SCREENSHOTS.resolve(screenshotPrefix + name + ".png"),
                    Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        readBrowserLogs();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private void readBrowserLogs() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            JsonNode params = message.path("params");
            // The browser's own pages (its new-tab page, loaded before the first visit) are not Tribune's.
            // data: URLs (such as the browser's own calendar icon in a date field) contact no one.
            if ("Network.requestWillBeSent".equals(message.path("method").asString())
                    && !params.path("documentURL").asString().startsWith("chrome://")
                    && !params.path("request").path("url").asString().startsWith("data:")) {
                requests.add(params.path("request").path("url").asString());
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            boolean expected = missingOnPurpose.stream().anyMatch(path -> entry.getMessage().startsWith(origin + path + " "));
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expected) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }

    /** No request to another site: fonts, styles, images and scripts all come from Tribune itself. */
    void assertEverythingCameFromTribune() {
        readBrowserLogs();
        String requestsMade = who == null ? "requests the pages made" : who + "'s requests";
        String console = who == null ? "the browser console" : who + "'s browser console";
        assertThat(requests).as(requestsMade).isNotEmpty().anyMatch(url -> url.endsWith("/css/tribune.css"));
        assertThat(requests).as(requestsMade).allMatch(url -> url.startsWith(origin + "/"), "go to " + origin);
        assertThat(consoleErrors).as("errors in " + console + " (CSP violations, failed loads)").isEmpty();
    }
}
