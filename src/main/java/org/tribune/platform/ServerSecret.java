package org.tribune.platform;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key that signs links (e-mail verification, changes of address). Taken from {@code TRIBUNE_SECRET} when set,
 * otherwise made once and kept in the database, so that every node signs and checks with the same key.
 */
@Component
public class ServerSecret {
    private static final String NAME = "link-signing-key";

    private final byte[] key;

    ServerSecret(JdbcClient db, TransactionTemplate tx, @Value("${tribune.secret:}") String configured) {
        this.key = configured.isBlank() ? stored(db, tx) : configured.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] stored(JdbcClient db, TransactionTemplate tx) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String encoded = Base64.getEncoder().encodeToString(fresh);
        return tx.execute(status -> {
            // Two nodes starting together: the insert of one fails harmlessly and both read the same row.
            db.sql("insert into platform_secret (name, value) select :name, :value where not exists "
                            + "(select 1 from platform_secret where name = :name)")
                    .param("name", NAME).param("value", encoded).update();
            String value = db.sql("select value from platform_secret where name = :name").param("name", NAME)
                    .query(String.class).single();
            return Base64.getDecoder().decode(value);
        });
    }

    byte[] key() {
        return key.clone();
    }

    /**
     * A stable pseudonym for {@code value} within {@code purpose}: the first 16 bytes of HMAC-SHA256 over both, in
     * hexadecimal. The same input always gives the same pseudonym on every node; without the key nobody can tell
     * which value it stands for (used by public exports that must not carry account ids).
     */
    public String pseudonym(String purpose, String value) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((purpose + "\n" + value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
