package org.tribune.donation;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secret that signs webhook events: Stripe's ({@code tribune.stripe.webhook-secret}) when set; otherwise one
 * made once and kept in the database, with which the test payment page signs its events, so that they go through
 * the very code that checks Stripe's.
 */
@Component
class WebhookSecret {
    private static final String NAME = "local-webhook-secret";

    private final String value;
    private final boolean local;

    WebhookSecret(JdbcClient db, TransactionTemplate tx, @Value("${tribune.stripe.webhook-secret:}") String configured) {
        this.local = configured.isBlank();
        this.value = local ? stored(db, tx) : configured;
    }

    private static String stored(JdbcClient db, TransactionTemplate tx) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String made = "whsec_local_" + Base64.getUrlEncoder().withoutPadding().encodeToString(fresh);
        return tx.execute(status -> {
            // Two nodes starting together: one insert changes nothing and both read the same row.
            db.sql("insert into donation_secret (name, secret) select :name, :secret where not exists "
                    + "(select 1 from donation_secret where name = :name)").param("name", NAME).param("secret", made).update();
            return db.sql("select secret from donation_secret where name = :name").param("name", NAME).query(String.class).single();
        });
    }

    String value() {
        return value;
    }

    /** Whether this node made the secret itself (no Stripe webhook secret configured). */
    boolean local() {
        return local;
    }
}
