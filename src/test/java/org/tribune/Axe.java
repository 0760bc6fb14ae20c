package org.tribune;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.chrome.ChromeDriver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core, the accessibility engine, run in the test browser on the page it shows. The script comes from the test
 * resources ({@code axe/axe.min.js}, taken from the npm registry), never from the network, and is handed to the
 * page through the driver, so the site's Content-Security-Policy stays as strict as it is for readers.
 */
final class Axe {
    /** WCAG 2.0, 2.1 and 2.2, levels A and AA: what the project promises. */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    /** The impacts that fail the build; moderate and minor ones are reported but do not. */
    static final Set<String> FAILING = Set.of("serious", "critical");

    private static final String SOURCE = load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One broken rule on one page, with the elements that break it. */
    record Violation(String page, String rule, String impact, String help, List<String> elements) {
        @Override
        public String toString() {
            return page + ": " + rule + " (" + impact + ") " + help + "\n      " + String.join("\n      ", elements);
        }
    }

    private Axe() {
    }

    /** Checks the page the browser shows now against WCAG 2.2 AA; {@code page} names it in the report. */
    static List<Violation> check(ChromeDriver driver, String page) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
            driver.executeScript(SOURCE);
        }
        Object answer = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                    .then(result => done(JSON.stringify(result.violations)))
                    .catch(error => done('axe failed: ' + error));
                """, WCAG_AA);
        String json = String.valueOf(answer);
        if (json.startsWith("axe failed")) {
            throw new IllegalStateException(page + ": " + json);
        }
        List<Violation> found = new ArrayList<>();
        for (JsonNode rule : JSON.readTree(json)) {
            List<String> elements = new ArrayList<>();
            int shown = 0;
            for (JsonNode node : rule.path("nodes")) {
                if (++shown > 5) {
                    elements.add("… and " + (rule.path("nodes").size() - 5) + " more");
                    break;
                }
                String html = node.path("html").asString();
                elements.add(node.path("target").toString() + " " + (html.length() > 160 ? html.substring(0, 160) + "…" : html)
                        + " — " + node.path("failureSummary").asString().replace('\n', ' '));
            }
            found.add(new Violation(page, rule.path("id").asString(), rule.path("impact").asString(),
                    rule.path("help").asString(), elements));
        }
        return found;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
