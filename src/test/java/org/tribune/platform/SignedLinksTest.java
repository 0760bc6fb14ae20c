package org.tribune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignedLinksTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static SignedLinks links(Instant now, String secret) {
        return new SignedLinks(new TestSecret(secret), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A fixed key, without a database. */
    static final class TestSecret extends ServerSecret {
        TestSecret(String secret) {
            super(null, null, secret);
        }
    }

    @Test
    void aGenuineLinkGivesBackItsPayload() {
        String token = links(NOW, "k1").sign("verify", "42:ana@example.test", Duration.ofHours(1));
        assertThat(links(NOW, "k1").verify("verify", token)).isEqualTo("42:ana@example.test");
    }

    @Test
    void anExpiredLinkIsRefusedAsExpired() {
        String token = links(NOW, "k1").sign("verify", "42", Duration.ofHours(1));
        assertThatThrownBy(() -> links(NOW.plus(Duration.ofMinutes(61)), "k1").verify("verify", token))
                .isInstanceOfSatisfying(SignedLinks.InvalidLink.class,
                        e -> assertThat(e.refusal()).isEqualTo(SignedLinks.Refusal.EXPIRED));
    }

    @Test
    void aTamperedPayloadIsRefusedAsForged() {
        String token = links(NOW, "k1").sign("verify", "42", Duration.ofHours(1));
        String other = links(NOW, "k1").sign("verify", "43", Duration.ofHours(1));
        String tampered = other.split("\\.")[0] + token.substring(token.indexOf('.'));
        assertThatThrownBy(() -> links(NOW, "k1").verify("verify", tampered))
                .isInstanceOfSatisfying(SignedLinks.InvalidLink.class,
                        e -> assertThat(e.refusal()).isEqualTo(SignedLinks.Refusal.FORGED));
    }

    @Test
    void aLinkForOnePurposeIsWorthlessForAnother() {
        String token = links(NOW, "k1").sign("verify", "42", Duration.ofHours(1));
        assertThatThrownBy(() -> links(NOW, "k1").verify("change-email", token)).isInstanceOf(SignedLinks.InvalidLink.class);
    }

    @Test
    void aLinkSignedWithAnotherKeyIsRefused() {
        String token = links(NOW, "k1").sign("verify", "42", Duration.ofHours(1));
        assertThatThrownBy(() -> links(NOW, "k2").verify("verify", token)).isInstanceOf(SignedLinks.InvalidLink.class);
    }

    @Test
    void garbageIsRefusedWithoutCrashing() {
        for (String garbage : new String[] {null, "", "a.b", "a.b.c", "!!!.123.???", "x".repeat(5000), "YQ.notanumber.YQ"}) {
            assertThatThrownBy(() -> links(NOW, "k1").verify("verify", garbage)).isInstanceOf(SignedLinks.InvalidLink.class);
        }
    }
}
