package org.tribune.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.tribune.platform.SecretTokens;

/**
 * The sessions of one account, read from the shared session store. The principal name of a session is the account
 * id, so a change of e-mail keeps them.
 */
@Component
class SignedInDevices {
    static final String DEVICE = "tribune.device";
    static final String SIGNED_IN_AT = "tribune.signedInAt";

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignedInDevices(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    List<SignedInDevice> of(long accountId, String currentSessionId) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(Long.toString(accountId));
        return found.values().stream()
                .map(s -> new SignedInDevice(key(s.getId()), s.getAttributeOrDefault(DEVICE, ""),
                        Instant.ofEpochMilli(s.<Long>getAttributeOrDefault(SIGNED_IN_AT, s.getCreationTime().toEpochMilli())),
                        s.getLastAccessedTime(), s.getId().equals(currentSessionId)))
                .sorted(Comparator.comparing(SignedInDevice::lastSeenAt).reversed())
                .toList();
    }

    static String key(String sessionId) {
        return SecretTokens.hash(sessionId).substring(0, 32);
    }

    /** Signs out the session with this key, if it is one of the account's own. */
    void signOut(long accountId, String key) {
        sessions.findByPrincipalName(Long.toString(accountId)).keySet().stream()
                .filter(id -> key(id).equals(key))
                .forEach(sessions::deleteById);
    }

    void signOutOthers(long accountId, String keepSessionId) {
        sessions.findByPrincipalName(Long.toString(accountId)).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .forEach(sessions::deleteById);
    }

    void signOutEverywhere(long accountId) {
        sessions.findByPrincipalName(Long.toString(accountId)).keySet().forEach(sessions::deleteById);
    }
}
