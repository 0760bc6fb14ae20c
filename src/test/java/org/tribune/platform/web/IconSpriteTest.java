package org.tribune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Members;

/**
 * Pages draw their icons from one sprite, /img/icons.svg: every icon a template names is a symbol of it, and the
 * sprite is served to anyone, as SVG, from this site, and kept by the service worker with the app's shell.
 */
@IntegrationTest
class IconSpriteTest {
    private static final Pattern USED = Pattern.compile("tag\\.icon\\(name = \"([a-z-]+)\"");
    private static final Pattern DRAWN = Pattern.compile("<use href=\"/img/icons\\.svg#([a-z-]+)\"/>");

    @LocalServerPort
    int port;
    @Autowired
    Members members;

    @Test
    void everyIconNamedInATemplateIsASymbolOfTheServedSprite() throws Exception {
        WebClient.Response sprite = new WebClient(port).get("/img/icons.svg");
        assertThat(sprite.status()).isEqualTo(200);
        assertThat(sprite.header("Content-Type")).startsWith("image/svg+xml");
        // the installed app keeps it with the rest of its shell, so a page shown offline keeps its icons
        assertThat(new WebClient(port).get("/sw.js").body()).contains("'/img/icons.svg'");

        Set<String> named = new LinkedHashSet<>();
        try (var templates = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/jte"))) {
            for (var file : templates.filter(f -> f.toString().endsWith(".jte")).toList()) {
                Matcher m = USED.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).contains("groups", "home", "bell");
        for (String name : named) {
            assertThat(sprite.body()).as("the symbol of icon " + name).contains("<symbol id=\"" + name + "\" viewBox=\"0 0 24 24\">");
        }
    }

    @Test
    void aPageDrawsItsIconsFromTheSprite() {
        WebClient member = new WebClient(port);
        member.login(members.active("icons").email(), Members.PASSWORD);
        String page = member.get("/").body();
        Matcher m = DRAWN.matcher(page);
        assertThat(m.find()).as("an icon drawn on the groups page").isTrue();
        assertThat(page).doesNotContain("<path d=");
    }

    /** The icons of a card's actions are the stylesheet's: each file it names is served as SVG and kept offline. */
    @Test
    void theCardActionIconsNamedByTheStylesheetAreServedAndKeptOffline() {
        WebClient visitor = new WebClient(port);
        String css = visitor.get("/css/tribune.css").body();
        String worker = visitor.get("/sw.js").body();
        Matcher named = Pattern.compile("url\\((/img/icon/[a-z-]+\\.svg)\\)").matcher(css);
        Set<String> files = new LinkedHashSet<>();
        while (named.find()) {
            files.add(named.group(1));
        }
        assertThat(files).contains("/img/icon/heart.svg", "/img/icon/heart-full.svg", "/img/icon/flag.svg");
        for (String file : files) {
            WebClient.Response icon = visitor.get(file);
            assertThat(icon.status()).as(file).isEqualTo(200);
            assertThat(icon.header("Content-Type")).as(file).startsWith("image/svg+xml");
            assertThat(icon.body()).as(file).contains("viewBox=\"0 0 24 24\"");
            assertThat(worker).as("the service worker keeps " + file).contains("'" + file + "'");
            // the same drawing as the sprite's symbol of that name (heart-full is the heart, filled)
            String name = file.substring("/img/icon/".length(), file.length() - ".svg".length()).replace("-full", "");
            Matcher symbol = Pattern.compile("<symbol id=\"" + name + "\" viewBox=\"0 0 24 24\">(.*?)</symbol>")
                    .matcher(visitor.get("/img/icons.svg").body());
            assertThat(symbol.find()).as("a symbol " + name + " in the sprite").isTrue();
            assertThat(icon.body()).as(file).contains(symbol.group(1));
        }
    }
}
