package org.tribune.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountState;
import org.tribune.account.Members;
import org.tribune.account.TokenService;

/** Deleting one's account from the settings: password first, frozen at once, cancelled by signing in. */
@IntegrationTest
class AccountDeletionWebTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    TokenService tokens;
    @Autowired
    JdbcClient db;

    private WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    @Test
    void aWrongPasswordDeletesNothing() {
        Account ana = members.active("del");
        WebClient browser = signedIn(ana);
        WebClient.Response answer = browser.post("/settings/privacy/delete", "content", "delete", "currentPassword", "wrong one");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("currentPassword-error");
        assertThat(members.reload(ana).state()).isEqualTo(AccountState.ACTIVE);
        WebClient.Response noChoice = browser.post("/settings/privacy/delete", "currentPassword", Members.PASSWORD);
        assertThat(noChoice.body()).contains("content");
        assertThat(members.reload(ana).state()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void deletionFreezesTheAccountAtOnceEverywhere() {
        Account ana = members.active("del");
        WebClient here = signedIn(ana);
        WebClient elsewhere = signedIn(ana);
        String token = tokens.createFor(ana.id(), "script");
        WebClient api = new WebClient(port);
        assertThat(api.get("/api/v1/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);

        WebClient.Response asked = here.post("/settings/privacy/delete", "content", "keep", "currentPassword", Members.PASSWORD);
        assertThat(asked.location()).endsWith("/goodbye");
        assertThat(members.reload(ana).state()).isEqualTo(AccountState.CLOSING);

        // logged out everywhere, tokens revoked, profile gone
        assertThat(elsewhere.get("/settings").location()).contains("/login");
        assertThat(here.get("/settings").location()).contains("/login");
        assertThat(api.get("/api/v1/me", "Authorization", "Bearer " + token).status()).isEqualTo(401);
        assertThat(new WebClient(port).get("/@" + ana.handle()).status()).isEqualTo(404);
        assertThat(new WebClient(port).get("/api/v1/users/" + ana.handle()).status()).isEqualTo(404);
        // and no new token for a frozen account
        WebClient.Response newToken = api.postJson("/api/v1/tokens", Map.of("email", ana.email(), "password", Members.PASSWORD,
                "name", "again"));
        assertThat(newToken.status()).isEqualTo(403);
        assertThat(db.sql("select count(*) from api_token where account_id = ?").param(ana.id()).query(Long.class).single()).isZero();
    }

    @Test
    void signingInShowsTheCancelPageAndNothingElseUntilCancelled() {
        Account ana = members.active("del");
        signedIn(ana).post("/settings/privacy/delete", "content", "delete", "currentPassword", Members.PASSWORD);

        WebClient back = new WebClient(port);
        back.login(ana.email(), Members.PASSWORD);
        WebClient.Response home = back.get("/");
        assertThat(home.location()).endsWith("/account/closing");
        WebClient.Response closing = back.get("/account/closing");
        assertThat(closing.status()).isEqualTo(200);
        assertThat(closing.body()).contains("cancel-deletion");
        // a frozen account cannot act: a post is not written, a follow not made
        long before = db.sql("select count(*) from post where author_id = ?").param(ana.id()).query(Long.class).single();
        WebClient.Response post = back.postWithoutCsrf("/posts", "body", "Still here?", "_csrf", closing.csrf());
        assertThat(post.location()).endsWith("/account/closing");
        assertThat(db.sql("select count(*) from post where author_id = ?").param(ana.id()).query(Long.class).single())
                .isEqualTo(before);
        assertThat(back.get("/settings/privacy/data").location()).endsWith("/account/closing");

        WebClient.Response cancelled = back.postWithoutCsrf("/account/closing/cancel", "_csrf", closing.csrf());
        assertThat(cancelled.location()).endsWith("/");
        assertThat(members.reload(ana).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(back.get("/settings").status()).isEqualTo(200);
        assertThat(new WebClient(port).get("/@" + ana.handle()).status()).isEqualTo(200);
    }

    @Test
    void theDataPageListsEveryCategoryInEnglishAndFrench() {
        Account ana = members.active("data");
        WebClient browser = signedIn(ana);
        WebClient.Response english = browser.get("/settings/privacy/data");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.h1()).isEqualTo("What we hold on you");
        assertThat(english.body()).contains("category-account", "category-posts", "category-mail-log", "category-donations",
                "Your posts", "How long we keep it");
        browser.post("/settings/language", "locale", "fr", "returnTo", "/settings/privacy/data");
        WebClient.Response french = browser.get("/settings/privacy/data");
        assertThat(french.h1()).isEqualTo("Ce que nous gardons sur vous");
        assertThat(french.body()).contains("Vos publications", "Durée de conservation");
    }

    @Test
    void theExportStartsInTheBackgroundShowsItsProgressAndMailsTheOwner() {
        Account ana = members.active("exp");
        WebClient browser = signedIn(ana);
        assertThat(browser.post("/settings/privacy/export").location()).contains("/settings/privacy/data");
        WebClient.Response waiting = browser.get("/settings/privacy/data");
        assertThat(waiting.body()).contains("export-progress", "http-equiv=\"refresh\"").doesNotContain("export-start");
        assertThat(browser.post("/settings/privacy/export").status()).isEqualTo(429);
    }
}
