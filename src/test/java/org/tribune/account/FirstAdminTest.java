package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.platform.SecretTokens;

/** On an empty database with no admin settings, the one-time link is the only way to the first administrator. */
@IntegrationTest
@TestPropertySource(properties = "tribune.test.fresh-database=true")
class FirstAdminTest {
    @LocalServerPort
    int port;
    @Autowired
    FirstAdmin firstAdmin;
    @Autowired
    AdminSetups setups;
    @Autowired
    JdbcClient db;

    @Test
    void theOneTimeLinkCreatesTheFirstAdministratorOnce() {
        assertThat(firstAdmin.adminExists()).isFalse();
        WebClient browser = new WebClient(port);
        assertThat(browser.get("/setup/admin?token=guess").status()).isEqualTo(409);
        String code = "known-code-for-this-test";
        setups.add(SecretTokens.hash(code), java.time.Instant.now());

        WebClient.Response form = browser.get("/setup/admin?token=" + code);
        assertThat(form.status()).isEqualTo(200);
        WebClient.Response weak = browser.post("/setup/admin", "token", code, "handle", "root", "email", "root@example.test",
                "password", "short", "locale", "en");
        assertThat(weak.body()).contains("at least 10 characters");
        WebClient.Response created = browser.post("/setup/admin", "token", code, "handle", "root",
                "email", "root@example.test", "password", "a strong admin passphrase", "locale", "en");

        assertThat(created.location()).isEqualTo("/login");
        assertThat(firstAdmin.adminExists()).isTrue();
        assertThat(browser.login("root@example.test", "a strong admin passphrase").location()).isEqualTo("/");
        assertThat(browser.get("/admin/users").status()).isEqualTo(200);
        assertThat(new WebClient(port).get("/setup/admin?token=" + code).status()).isEqualTo(409);
        assertThat(new WebClient(port).post("/setup/admin", "token", code, "handle", "root2", "email", "root2@example.test",
                "password", "a strong admin passphrase", "locale", "en").status()).isEqualTo(409);
        assertThat(db.sql("select count(*) from account where role = 'ADMIN'").query(Long.class).single()).isEqualTo(1);
    }
}
