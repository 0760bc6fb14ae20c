package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;

@IntegrationTest
@TestPropertySource(properties = {"tribune.test.fresh-database=true", "tribune.admin.email=boss@example.test",
        "tribune.admin.password=a strong admin passphrase", "tribune.admin.handle=boss"})
class FirstAdminFromSettingsTest {
    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    @Test
    void theAdministratorFromTheEnvironmentIsActiveAndVerified() {
        Account boss = accounts.byHandle("boss").orElseThrow();
        assertThat(boss.role()).isEqualTo(Role.ADMIN);
        assertThat(boss.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(boss.verifiedAt()).isNotNull();
        WebClient browser = new WebClient(port);
        browser.login("boss@example.test", "a strong admin passphrase");
        assertThat(browser.get("/admin/users").status()).isEqualTo(200);
    }
}
