package org.tribune.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

/**
 * Captures every log line, at INFO for everything and DEBUG for our own code, while people sign up, sign in (with a
 * wrong password too), make an API token, post and comment: no password, token, reset code or message text appears.
 */
@IntegrationTest
class LogsHoldNoSecretsTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    DataExportService exports;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private Logger ours;
    private Level rootLevel;
    private Level ourLevel;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ours = (Logger) LoggerFactory.getLogger("org.tribune");
        rootLevel = root.getLevel();
        ourLevel = ours.getLevel();
        root.setLevel(Level.INFO);
        ours.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        ours.setLevel(ourLevel);
    }

    @Test
    void signUpLoginTokensAndPostsLeaveNoSecretInTheLogs() {
        String word = EverythingFixture.word();
        String handle = "log_" + word;
        String password = "Pass phrase " + word + " quiet";
        String wrong = "Wrong phrase " + word;
        WebClient browser = new WebClient(port);
        browser.post("/signup", "handle", handle, "email", handle + "@example.test", "password", password,
                "locale", "en", "acceptConduct", "true");
        Account ana = members.active("logs");
        browser.login(ana.email(), wrong);
        browser.login(ana.email(), Members.PASSWORD);
        WebClient.Response token = new WebClient(port).postJson("/api/v1/tokens",
                Map.of("email", ana.email(), "password", Members.PASSWORD, "name", "logs"));
        String secret = token.json().get("token").asString();
        String body = "Private words " + word;
        WebClient.Response post = new WebClient(port).postJson("/api/v1/posts", Map.of("body", body),
                "Authorization", "Bearer " + secret);
        String id = post.json().get("id").asString();
        new WebClient(port).postJson("/api/v1/posts/" + id + "/comments", Map.of("body", "Comment words " + word),
                "Authorization", "Bearer " + secret);
        browser.post("/reset-password", "email", ana.email());
        new WebClient(port).get("/api/v1/me", "Authorization", "Bearer tribune_forged_" + word);
        browser.post("/settings/privacy/export");
        String link = exports.downloadPath(ExportsDone.readyFor(exports, ana.id()));
        assertThat(browser.get(link).status()).isEqualTo(200);
        String exportToken = link.substring(link.indexOf("token=") + 6);

        String logs = captured.list.stream()
                .filter(e -> !e.getLoggerName().startsWith("com.icegreen")) // the tests' mail server, not Tribune
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
        assertThat(logs).as("the capture works: the export job logs at INFO").contains("ready:");
        for (String secretText : List.of(password, wrong, Members.PASSWORD, secret, body, "Comment words " + word,
                "tribune_forged_" + word, exportToken, ana.email())) {
            assertThat(logs).as("logs hold " + secretText).doesNotContain(secretText);
        }
        String sessionCookie = browser.cookie("SESSION").map(java.net.HttpCookie::getValue).orElse("none-at-all");
        assertThat(logs).doesNotContain(sessionCookie);
    }
}
