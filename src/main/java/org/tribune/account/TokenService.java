package org.tribune.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.NotFound;
import org.tribune.platform.SecretTokens;

/** Personal access tokens: made with e-mail and password (throttled like a login), listed and revoked by their owner. */
@Service
public class TokenService {
    static final String PREFIX = "trb_";
    static final int MAX_TOKENS = 50;
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(60);
    private static final int MAX_REMEMBERED = 100_000;

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final AuthenticationManager logins;
    private final Ids ids;
    private final Clock clock;
    private final Map<String, Instant> recentlyTouched = new ConcurrentHashMap<>();
    /**
     * Uses not yet written, by token hash: written every few seconds in one transaction ({@link #writeUses}), so that a
     * request with a token never waits for a write and its commit (on a busy network most requests are a token's first
     * in its minute). A crash loses at most those few seconds of "last used".
     */
    private final Map<String, Instant> unwritten = new ConcurrentHashMap<>();
    private final TransactionTemplate transactions;

    TokenService(ApiTokens tokens, Accounts accounts, AuthenticationManager logins, Ids ids, Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.tokens = tokens;
        this.accounts = accounts;
        this.logins = logins;
        this.ids = ids;
        this.clock = clock;
    }

    /** A new token; the secret is in the answer and nowhere else. */
    @Transactional
    public String create(String email, String password, String name, WebAuthenticationDetails details) {
        String label = checkedName(name);
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        attempt.setDetails(details);
        Authentication signedIn = logins.authenticate(attempt);
        long accountId = ((AccountPrincipal) signedIn.getPrincipal()).accountId();
        // An account being deleted may sign in on the web to cancel, a suspended one to appeal, but neither gets a
        // new API token meanwhile.
        AccountState state = accounts.byId(accountId).map(Account::state).orElse(AccountState.DELETED);
        if (state == AccountState.CLOSING) {
            throw new LoginRefusal("login.closing");
        }
        if (state == AccountState.SUSPENDED) {
            throw new LoginRefusal("login.suspended");
        }
        return issue(accountId, label);
    }

    /** A new token for someone already signed in (the settings page). */
    @Transactional
    public String createFor(long accountId, String name) {
        return issue(accountId, checkedName(name));
    }

    private String issue(long accountId, String name) {
        if (tokens.countOf(accountId) >= MAX_TOKENS) {
            throw InvalidInput.of("name", "token.too-many", MAX_TOKENS);
        }
        String secret = SecretTokens.newToken(PREFIX);
        tokens.add(ids.next(), accountId, name, SecretTokens.hash(secret), clock.instant());
        return secret;
    }

    private static String checkedName(String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw InvalidInput.of("name", "token.name-invalid", 100);
        }
        return label;
    }

    public List<ApiToken> of(long accountId) {
        writeUses(); // this node's, so that a person's list shows the use they just made of a token here
        return tokens.of(accountId);
    }

    @Transactional
    public void revoke(long accountId, long tokenId) {
        if (!tokens.delete(accountId, tokenId)) {
            throw new NotFound("token");
        }
    }

    /**
     * The account behind a token, if the token is known and the account may use the API. Use is recorded at most once a
     * minute per token on each node, so that reading with a token neither writes nor opens a transaction per request.
     */
    Optional<Account> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(secret);
        // Both from this node's caches, kept true on every node by the evictions each revocation and account change sends.
        return tokens.ownerOf(hash).flatMap(id -> accounts.byIds(List.of(id)).stream().findFirst())
                // suspended: only to read and appeal the decision, which CurrentAccount enforces
                .filter(a -> a.state() == AccountState.ACTIVE || a.state() == AccountState.WAITING
                        || a.state() == AccountState.SUSPENDED)
                .map(a -> {
                    Instant now = clock.instant();
                    Instant last = recentlyTouched.get(hash);
                    if (last == null || last.isBefore(now.minus(TOUCH_EVERY))) {
                        if (recentlyTouched.size() >= MAX_REMEMBERED) {
                            recentlyTouched.clear();
                        }
                        recentlyTouched.put(hash, now);
                        unwritten.put(hash, now);
                    }
                    return a;
                });
    }

    /** Writes the uses of tokens made on this node since the last time, in one transaction. */
    @Scheduled(fixedDelayString = "${tribune.api.token-uses-written-every-ms:5000}")
    @PreDestroy
    public void writeUses() {
        if (unwritten.isEmpty()) {
            return;
        }
        Map<String, Instant> uses = new java.util.HashMap<>();
        for (String hash : List.copyOf(unwritten.keySet())) {
            Instant at = unwritten.remove(hash);
            if (at != null) {
                uses.put(hash, at);
            }
        }
        transactions.executeWithoutResult(s -> tokens.touchAll(uses));
    }
}
