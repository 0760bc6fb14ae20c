package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tribune.ProblemDetails.assertProblem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.WebClient;
import org.tribune.platform.SignedLinks;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class AccountApiTest {
    /** 64 characters, none of them a space at either end, nothing like a handle or an address. */
    private static final String LONG_PASSWORD = "river stone maple cloud ".repeat(3).substring(0, 64);

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    AccountService accounts;
    @Autowired
    SignedLinks links;
    WebClient api;

    @BeforeEach
    void newClient() {
        api = new WebClient(port);
    }

    private WebClient.Response signUp(String handle, String email, String password, String locale) {
        Map<String, Object> body = new HashMap<>();
        body.put("handle", handle);
        body.put("email", email);
        body.put("password", password);
        if (locale != null) {
            body.put("locale", locale);
        }
        return api.postJson("/api/v1/accounts", body);
    }

    private WebClient.Response signUp(String handle, String password) {
        return signUp(handle, Members.emailOf(handle), password, "en");
    }

    private WebClient.Response token(String email, String password) {
        return api.postJson("/api/v1/tokens", Map.of("email", email, "password", password, "name", "check"));
    }

    private WebClient.Response verify(String token) {
        return api.get("/verify?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** The errors of a 400 problem, as field → code. */
    private static Map<String, String> errors(WebClient.Response response) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("errors").isArray()).as("errors array in %s", response.body()).isTrue();
        Map<String, String> byField = new HashMap<>();
        for (JsonNode error : problem.get("errors")) {
            assertThat(error.get("message").asString()).isNotBlank();
            byField.putIfAbsent(error.get("field").asString(), error.get("code").asString());
        }
        return byField;
    }

    @Test
    void signingUpAnswersUnverifiedAndMailsAVerificationLink() {
        String handle = Members.uniqueHandle("new");
        String email = Members.emailOf(handle);

        WebClient.Response response = signUp(handle, email, Members.PASSWORD, "en");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.location()).isEqualTo("/@" + handle);
        JsonNode json = response.json();
        assertThat(json.get("handle").asString()).isEqualTo(handle);
        assertThat(json.get("email").asString()).isEqualTo(email);
        assertThat(json.get("locale").asString()).isEqualTo("en");
        assertThat(json.get("state").asString()).isEqualTo("UNVERIFIED");
        assertThat(response.body()).doesNotContain(Members.PASSWORD);
        TestMail.Mail mail = TestMail.await(email);
        assertThat(mail.subject()).isEqualTo("Confirm your Tribune address");
        assertThat(mail.body()).contains("@" + handle).contains("/verify?token=");
        assertThat(accounts.byHandle(handle).orElseThrow().state()).isEqualTo(AccountState.UNVERIFIED);
    }

    @Test
    void theVerificationMailIsWrittenInTheChosenLanguage() {
        String handle = Members.uniqueHandle("fr");

        assertThat(signUp(handle, Members.emailOf(handle), Members.PASSWORD, "fr").status()).isEqualTo(201);

        assertThat(TestMail.await(Members.emailOf(handle)).subject()).isEqualTo("Confirmez votre adresse Tribune");
    }

    @Test
    void signingUpAgainWithAKnownAddressAnswersTheSameAndTellsItsOwner() {
        String handle = Members.uniqueHandle("own");
        String email = Members.emailOf(handle);
        WebClient.Response first = signUp(handle, email, Members.PASSWORD, "en");
        TestMail.await(email);
        String other = Members.uniqueHandle("other");

        WebClient.Response second = signUp(other, email, Members.PASSWORD, "en");

        assertThat(second.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(second.json().propertyNames()).containsExactlyElementsOf(first.json().propertyNames());
        assertThat(second.json().get("handle").asString()).isEqualTo(other);
        assertThat(second.json().get("state").asString()).isEqualTo("UNVERIFIED");
        assertThat(second.location()).isEqualTo("/@" + other);
        TestMail.Mail warning = TestMail.await(email, 2);
        assertThat(warning.subject()).isEqualTo("Someone tried to sign up with your address");
        assertThat(warning.body()).doesNotContain("/verify?token=");
        assertThat(accounts.byHandle(other)).as("no second account").isEmpty();
        assertThat(accounts.byHandle(handle)).isPresent();
    }

    @Test
    void aKnownAddressInOtherCaseOpensNoSecondAccount() {
        Account ana = members.active("ana");
        String other = Members.uniqueHandle("other");

        WebClient.Response response = signUp(other, ana.email().toUpperCase(), Members.PASSWORD, "en");

        assertThat(response.status()).isEqualTo(201);
        assertThat(accounts.byHandle(other)).isEmpty();
        assertThat(TestMail.await(ana.email(), 2).subject()).isEqualTo("Someone tried to sign up with your address");
    }

    @Test
    void aTakenHandleIsRefusedWhateverItsCase() {
        Account ana = members.active("ana");
        String shouted = ana.handle().toUpperCase();
        String email = Members.emailOf(Members.uniqueHandle("x"));

        WebClient.Response response = signUp(shouted, email, Members.PASSWORD, "en");

        assertThat(errors(response)).containsEntry("handle", "handle.taken");
        assertThat(TestMail.to(email)).isEmpty();
    }

    @Test
    void anInvalidHandleIsRefused() {
        for (String handle : new String[] {"", "ab", "has space", "x".repeat(31), "ana<script>"}) {
            assertThat(errors(signUp(handle, Members.emailOf(Members.uniqueHandle("x")), Members.PASSWORD, "en")))
                    .as(handle).containsEntry("handle", "handle.invalid");
        }
    }

    @Test
    void aShortPasswordIsRefused() {
        assertThat(errors(signUp(Members.uniqueHandle("pw"), "short pw1"))).containsEntry("password", "password.too-short");
    }

    @Test
    void aCommonPasswordIsRefused() {
        assertThat(errors(signUp(Members.uniqueHandle("pw"), "password1234"))).containsEntry("password", "password.common");
    }

    @Test
    void aTooLongPasswordIsRefused() {
        String handle = Members.uniqueHandle("pw");

        assertThat(errors(signUp(handle, "x1y2z3 ".repeat(43).substring(0, 300)))).containsEntry("password", "password.too-long");
        assertThat(errors(signUp(handle, "x1y2z3 ".repeat(43).substring(0, 257)))).containsEntry("password", "password.too-long");
        assertThat(accounts.byHandle(handle)).isEmpty();
    }

    @Test
    void aMissingPasswordIsRefused() {
        assertThat(errors(signUp(Members.uniqueHandle("pw"), null))).containsEntry("password", "password.too-short");
    }

    @Test
    void aSixtyFourCharacterPasswordWorksInFullAndIsNotTruncated() {
        assertThat(LONG_PASSWORD).hasSize(64).doesNotEndWith(" ");
        String handle = Members.uniqueHandle("long");
        String email = Members.emailOf(handle);
        assertThat(signUp(handle, LONG_PASSWORD).status()).isEqualTo(201);
        assertThat(verify(TestMail.await(email).token("/verify")).status()).isEqualTo(200);

        WebClient.Response full = token(email, LONG_PASSWORD);
        WebClient.Response prefix = token(email, LONG_PASSWORD.substring(0, 63));

        assertThat(full.status()).as(full.body()).isEqualTo(201);
        assertThat(full.json().get("token").asString()).startsWith("trb_");
        assertProblem(prefix, 401);
    }

    @Test
    void theLongestAllowedPasswordWorks() {
        String password = "a9 Kq ".repeat(43).substring(0, 256);
        String handle = Members.uniqueHandle("max");
        assertThat(signUp(handle, password).status()).isEqualTo(201);
        verify(TestMail.await(Members.emailOf(handle)).token("/verify"));

        assertThat(token(Members.emailOf(handle), password).status()).isEqualTo(201);
        assertProblem(token(Members.emailOf(handle), password.substring(0, 255)), 401);
    }

    @Test
    void anUnsupportedLocaleIsRefused() {
        String handle = Members.uniqueHandle("de");

        assertThat(errors(signUp(handle, Members.emailOf(handle), Members.PASSWORD, "de"))).containsEntry("locale", "locale.unsupported");
        assertThat(errors(signUp(handle, Members.emailOf(handle), Members.PASSWORD, "x".repeat(500)))).containsKey("locale");
        assertThat(accounts.byHandle(handle)).isEmpty();
    }

    @Test
    void anInvalidAddressIsRefused() {
        assertThat(errors(signUp(Members.uniqueHandle("em"), "not-an-address", Members.PASSWORD, "en")))
                .containsEntry("email", "email.invalid");
    }

    @Test
    void declaringTheCodeOfConductRefusedIsRefused() {
        String handle = Members.uniqueHandle("coc");

        WebClient.Response response = api.postJson("/api/v1/accounts", Map.of("handle", handle, "email",
                Members.emailOf(handle), "password", Members.PASSWORD, "locale", "en", "acceptConduct", false));

        assertThat(errors(response)).containsEntry("acceptConduct", "conduct.required");
        assertThat(accounts.byHandle(handle)).isEmpty();
    }

    @Test
    void everyMistakeIsReportedAtOnce() {
        assertThat(errors(signUp("a", "nope", "short", "xx"))).containsKeys("handle", "email", "password", "locale");
    }

    @Test
    void malformedJsonIsABadRequestNeverAServerError() {
        for (String body : new String[] {"{", "{\"handle\": ", "[]", "\"text\"", "{\"handle\": {\"nested\": 1}}",
                "{\"acceptConduct\": \"perhaps\"}", "null", ""}) {
            WebClient.Response response = api.postJson("/api/v1/accounts", body);
            assertProblem(response, 400);
        }
    }

    @Test
    void followingTheMailedLinkActivatesTheAccount() {
        String handle = Members.uniqueHandle("ver");
        String email = Members.emailOf(handle);
        signUp(handle, Members.PASSWORD);
        String token = TestMail.await(email).token("/verify");
        assertProblem(token(email, Members.PASSWORD), 403);

        WebClient.Response page = verify(token);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.h1()).isEqualTo("Address confirmed");
        assertThat(accounts.byHandle(handle).orElseThrow().state()).isEqualTo(AccountState.ACTIVE);
        String apiToken = token(email, Members.PASSWORD).json().get("token").asString();
        assertThat(api.get("/api/v1/me", "Authorization", "Bearer " + apiToken).json().get("state").asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aForgedLinkIsRefusedWithAPage() {
        String handle = Members.uniqueHandle("forge");
        signUp(handle, Members.PASSWORD);
        String genuine = TestMail.await(Members.emailOf(handle)).token("/verify");
        String tampered = genuine.substring(0, genuine.length() - 2) + (genuine.endsWith("AA") ? "BB" : "AA");

        for (String token : new String[] {"forged.123.abc", tampered, "a.b", "...", "x".repeat(3000)}) {
            WebClient.Response page = verify(token);
            assertThat(page.status()).as(token).isEqualTo(400);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.h1()).isNotBlank();
            assertThat(page.body()).contains("This link is not valid");
        }
        assertThat(accounts.byHandle(handle).orElseThrow().state()).isEqualTo(AccountState.UNVERIFIED);
    }

    @Test
    void anExpiredLinkSaysItExpired() {
        Account bob = members.unverified("bob");
        String expired = links.sign(AccountService.VERIFY, bob.id() + ":" + bob.email(), Duration.ofSeconds(-1));

        WebClient.Response page = verify(expired);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("This link has expired");
        assertThat(members.reload(bob).state()).isEqualTo(AccountState.UNVERIFIED);
    }

    @Test
    void aLinkSignedForAnotherPurposeDoesNotVerify() {
        Account bob = members.unverified("bob");
        String other = links.sign(AccountService.CHANGE_EMAIL, bob.id() + ":" + bob.email(), Duration.ofHours(1));

        assertThat(verify(other).status()).isEqualTo(400);
        assertThat(members.reload(bob).state()).isEqualTo(AccountState.UNVERIFIED);
    }
}
