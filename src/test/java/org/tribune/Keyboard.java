package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person who uses only the keyboard: Tab moves the focus, keys go to whatever has it, Enter follows and submits.
 * No element is clicked or focused by the test itself, so a control that Tab cannot reach, or whose focus cannot be
 * seen, fails the walk.
 */
final class Keyboard {
    /** More Tab presses than any page's controls before the one looked for: a page needing more is a finding. */
    private static final int MOST_TABS = 120;

    private final ChromeDriver driver;
    /** Keys pressed to move and act (Tab, Enter, Space, arrows), not counting the text typed. */
    private int presses;

    Keyboard(ChromeDriver driver) {
        this.driver = driver;
    }

    /**
     * Presses Tab until the focused element matches the CSS selector, checking on the way that it shows its focus.
     * @return the element that has the focus
     */
    WebElement tabTo(String selector) {
        return moveTo(selector, false);
    }

    /** Presses Shift+Tab (one key of the count) until the focused element matches, as {@link #tabTo} forwards. */
    WebElement shiftTabTo(String selector) {
        return moveTo(selector, true);
    }

    private WebElement moveTo(String selector, boolean backwards) {
        for (int tabs = 1; tabs <= MOST_TABS; tabs++) {
            if (backwards) {
                new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                new Actions(driver).sendKeys(Keys.TAB).perform();
            }
            presses++;
            Boolean matches = (Boolean) driver.executeScript(
                    "return document.activeElement !== null && document.activeElement.matches(arguments[0])", selector);
            if (Boolean.TRUE.equals(matches)) {
                WebElement focused = driver.switchTo().activeElement();
                assertThat(focusIsVisible()).as("the focus on " + selector + " can be seen").isTrue();
                return focused;
            }
        }
        throw new AssertionError((backwards ? "Shift+Tab" : "Tab") + " never reached " + selector + " on " + driver.getCurrentUrl() + " in " + MOST_TABS + " presses");
    }

    /**
     * On a page just opened, as keyboard users do: Tab to the "skip to content" link, Enter, and the focus is at the
     * start of the main part, past the header's links.
     */
    void skipToContent() {
        tabTo("a.skip-link");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        presses++;
        new WebDriverWait(driver, Chromium.PATIENCE).until(
                d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript("return document.activeElement.id === 'main'")));
    }

    /** Types into whatever has the focus. */
    void type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Replaces the text of the focused field: select all, then type. */
    void replace(String text) {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(text).perform();
    }

    /**
     * Presses Enter on the focused link or button and waits for the next page: a mark left on the current page's
     * window is gone once another document has loaded (asking while the page changes may fail: it is asked again).
     */
    void enter() {
        driver.executeScript("window.tribuneLeftByKeyboard = true");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        presses++;
        new WebDriverWait(driver, Chromium.PATIENCE).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                ((ChromeDriver) d).executeScript("return window.tribuneLeftByKeyboard !== true && document.readyState === 'complete'")));
    }

    /** Presses Space on the focused control: ticks a checkbox, checks a radio. */
    void space() {
        new Actions(driver).sendKeys(Keys.SPACE).perform();
        presses++;
    }

    /** How many keys were pressed to move and act so far, the text typed aside. */
    int presses() {
        return presses;
    }

    /** Moves through a radio group with the arrow keys to the radio of this value, and checks it with Space. */
    void arrowToRadio(String value) {
        for (int arrows = 0; arrows < 10; arrows++) {
            if (value.equals(driver.executeScript("return document.activeElement.value"))) {
                new Actions(driver).sendKeys(Keys.SPACE).perform();
                presses++;
                return;
            }
            new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
            presses++;
        }
        throw new AssertionError("no radio with value " + value + " in the focused group");
    }

    /** An outline or a ring around the focused element, as :focus-visible draws it for the keyboard. */
    private boolean focusIsVisible() {
        @SuppressWarnings("unchecked")
        Map<String, Object> style = (Map<String, Object>) driver.executeScript("""
                const s = getComputedStyle(document.activeElement);
                return {outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow};
                """);
        boolean outline = !"none".equals(style.get("outline")) && !"0px".equals(style.get("width"));
        boolean ring = style.get("shadow") != null && !"none".equals(style.get("shadow"));
        return outline || ring;
    }
}
