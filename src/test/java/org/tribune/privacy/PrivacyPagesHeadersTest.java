package org.tribune.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.Members;

/**
 * The privacy pages, the avatars and the goodbye page carry a Content-Security-Policy that names no other host, and
 * the private ones are never cached or indexed.
 */
@IntegrationTest
class PrivacyPagesHeadersTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    AccountService accounts;

    @Test
    void privacyPagesAndPicturesNameNoOtherHost() {
        Account ana = members.active("hdr");
        accounts.changeAvatar(ana.id(), "ana.png", TestImages.png());
        WebClient browser = new WebClient(port);
        browser.login(ana.email(), Members.PASSWORD);
        for (String path : List.of("/settings/privacy", "/settings/privacy/data", "/settings/privacy/delete", "/goodbye",
                accounts.avatarPath(ana.id()).orElseThrow())) {
            WebClient.Response answer = browser.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            String policy = answer.header("Content-Security-Policy");
            assertThat(policy).as(path).isNotBlank().doesNotContain("http:", "https:", "*", "//");
            if (path.startsWith("/settings")) {
                assertThat(answer.header("Cache-Control")).as(path).contains("no-store");
                assertThat(answer.body()).as(path).contains("<meta name=\"robots\" content=\"noindex\">")
                        .doesNotContain("src=\"http", "href=\"http");
            }
        }
    }
}
