package org.tribune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.Members;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupService;
import org.tribune.post.PostService;

/**
 * Search in headless Chromium on a phone, as the issue's "done when" says: a member finds a French post by its
 * accent-free spelling from the header's box, a group by part of its name, a person by their display name (from the
 * box's suggestions, then the people tab), and never anything of the private and hidden groups they are not in.
 * Screenshots: {@code target/screenshots/search-NN-name.png} (copied to docs/screens/search/).
 */
@IntegrationTest
@Tag("browser")
class SearchBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    GroupService groups;
    @Autowired
    GroupJoining groupJoining;
    @Autowired
    PostService posts;
    @Autowired
    AccountService accounts;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMemberFindsAPostAGroupAndAPersonAndNothingPrivate() {
        String w = "zq" + Members.uniqueHandle("w").substring(2).toLowerCase().replaceAll("[^a-z0-9]", "");
        Account owner = members.active("sowner");
        Account reader = members.active("sreader");
        Account eloise = members.active("seloise");
        accounts.updateProfile(eloise.id(), "Éloïse Martin " + w, "");
        Group garden = group(owner, "Jardins partagés de Montreuil " + w, "Potagers, compost et graines à échanger.", "PUBLIC");
        Group club = group(owner, "Cercle privé " + w, "Entre nous.", "PRIVATE");
        Group hidden = group(owner, "Cercle caché " + w, "Personne ne le voit.", "HIDDEN");
        groupJoining.join(reader, garden.slug(), List.of());
        posts.publish(owner, garden.id(), new PostService.Draft("Les élections à l'école " + w,
                "Le conseil d'école vote jeudi pour les délégués des élèves.", null));
        posts.publish(owner, club.id(), new PostService.Draft("Réunion secrète sur l'école " + w, "Privé.", null));
        posts.publish(owner, hidden.id(), new PostService.Draft("École cachée " + w, "Caché.", null));

        browser = new Browser();
        browser.onPhone();
        browser.logIn(reader);

        // 1. A post, by its accent-free spelling, from the box in the header.
        WebElement box = browser.field("header-q");
        box.sendKeys("ecole " + w);
        browser.press(box, Keys.ENTER);
        assertThat(browser.path()).isEqualTo("/search");
        assertThat(browser.h1()).isEqualTo("Search");
        WebElement hits = browser.driver().findElement(By.cssSelector("ol.search-hits"));
        assertThat(hits.getText()).contains("Les élections à l'école " + w).doesNotContain("secrète").doesNotContain("cachée");
        assertThat(hits.findElements(By.tagName("mark"))).extracting(WebElement::getText).contains("école", w);
        browser.assertNoSidewaysScrolling();
        browser.screenshot("01-post-by-accent-free-spelling");

        // 2. A group, by part of its name, on the groups tab; the hidden one never shows, the private one does.
        browser.open("/search?type=groups&q=cercle+" + w);
        assertThat(browser.main().getText()).contains("Cercle privé " + w).doesNotContain("caché");
        WebElement groupsBox = browser.field("q");
        groupsBox.clear();
        groupsBox.sendKeys("jard parta " + w);
        browser.press(groupsBox, Keys.ENTER);
        assertThat(browser.main().findElement(By.cssSelector("nav.tabs a[aria-current=page]")).getText()).isEqualTo("Groups");
        assertThat(browser.main().getText()).contains("Jardins partagés de Montreuil " + w);
        browser.screenshot("02-group-by-part-of-its-name");

        // 3. A person, by their display name, from the box's suggestions.
        WebElement header = browser.field("header-q");
        header.sendKeys("eloise " + w);
        WebElement suggestion = new WebDriverWait(browser.driver(), Chromium.PATIENCE).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#header-suggestions a")));
        assertThat(suggestion.getText()).contains("Éloïse Martin " + w);
        browser.screenshot("03-suggestions");
        browser.follow(suggestion);
        assertThat(browser.path()).isEqualTo("/@" + eloise.handle());

        // 4. The same person on the people tab; the posts tab of a private word finds nothing for this reader.
        browser.open("/search?type=people&q=eloise+" + w);
        assertThat(browser.main().findElement(By.cssSelector("ol.search-hits")).getText()).contains("Éloïse Martin " + w);
        browser.screenshot("04-person-by-display-name");
        browser.open("/search?q=secrete+" + w);
        assertThat(browser.main().getText()).contains("No post or comment you may read matches.");
        browser.screenshot("05-nothing-private");
        browser.assertEverythingCameFromTribune();
    }

    private Group group(Account owner, String name, String description, String visibility) {
        String slug = ("s-" + Members.uniqueHandle("g").substring(2)).toLowerCase().replace('_', '-');
        return groups.create(owner, new GroupForm(slug, name, description, "fr", visibility, "OPEN", List.of(), false));
    }

    private final class Browser extends Chromium {
        Browser() {
            super(port, null, "search-");
        }

        void logIn(Account account) {
            open("/login");
            field("email").sendKeys(account.email());
            field("password").sendKeys(Members.PASSWORD);
            follow(button("Log in"));
            assertThat(driver().findElement(By.cssSelector("header.site-header")).getText()).contains("@" + account.handle());
        }

        WebElement main() {
            return driver().findElement(By.tagName("main"));
        }
    }
}
