package org.tribune.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Tamper-proof, expiring tokens for links sent by e-mail: {@code payload.expiry.signature}, where the signature is
 * an HMAC-SHA256 over the purpose, payload and expiry. A token made for one purpose is worthless for another.
 */
@Component
public class SignedLinks {

    /** Why a token was refused. */
    public enum Refusal { FORGED, EXPIRED }

    public static class InvalidLink extends RuntimeException {
        private final Refusal refusal;

        InvalidLink(Refusal refusal) {
            super("link " + refusal.name().toLowerCase());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    SignedLinks(ServerSecret secret, Clock clock) {
        this.key = new SecretKeySpec(secret.key(), "HmacSHA256");
        this.clock = clock;
    }

    public String sign(String purpose, String payload, Duration validFor) {
        long expiry = clock.instant().plus(validFor).getEpochSecond();
        String body = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + expiry;
        return body + "." + ENCODER.encodeToString(mac(purpose, body));
    }

    /** The payload of a genuine, unexpired token; otherwise {@link InvalidLink}. */
    public String verify(String purpose, String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3 || token.length() > 2000) {
            throw new InvalidLink(Refusal.FORGED);
        }
        String body = parts[0] + "." + parts[1];
        byte[] given;
        long expiry;
        String payload;
        try {
            given = DECODER.decode(parts[2]);
            expiry = Long.parseLong(parts[1]);
            payload = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidLink(Refusal.FORGED);
        }
        if (!MessageDigest.isEqual(given, mac(purpose, body))) {
            throw new InvalidLink(Refusal.FORGED);
        }
        if (clock.instant().isAfter(Instant.ofEpochSecond(expiry))) {
            throw new InvalidLink(Refusal.EXPIRED);
        }
        return payload;
    }

    private byte[] mac(String purpose, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
