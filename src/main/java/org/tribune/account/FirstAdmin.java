package org.tribune.account;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.SecretTokens;
import org.tribune.platform.SiteAddress;

/**
 * Makes sure a new installation can get an administrator: from {@code TRIBUNE_ADMIN_EMAIL} and
 * {@code TRIBUNE_ADMIN_PASSWORD} when they are set, otherwise through a one-time link printed at start.
 */
@Service
public class FirstAdmin {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final AdminSetups setups;
    private final AccountRules rules;
    private final PasswordEncoder passwords;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;
    private final String email;
    private final String password;
    private final String handle;
    private final String baseUrl;
    private final String defaultZone;

    FirstAdmin(Accounts accounts, AdminSetups setups, AccountRules rules, PasswordEncoder passwords,
            TransactionTemplate tx, ApplicationEventPublisher events, Ids ids, Clock clock,
            @Value("${tribune.admin.email:}") String email,
            @Value("${tribune.admin.password:}") String password, @Value("${tribune.admin.handle:admin}") String handle,
            SiteAddress site, @Value("${tribune.default-time-zone:UTC}") String defaultZone) {
        this.accounts = accounts;
        this.setups = setups;
        this.rules = rules;
        this.passwords = passwords;
        this.tx = tx;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.email = email;
        this.password = password;
        this.handle = handle;
        this.baseUrl = site.base();
        this.defaultZone = defaultZone;
    }

    public boolean adminExists() {
        return accounts.countByRole(Role.ADMIN) > 0;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void onStart() {
        if (adminExists()) {
            return;
        }
        if (!email.isBlank() && !password.isBlank()) {
            try {
                tx.executeWithoutResult(status -> create(handle, email, password, "en"));
                log.info("Created the first administrator @{} from TRIBUNE_ADMIN_EMAIL.", handle);
                return;
            } catch (InvalidInput invalid) {
                log.error("TRIBUNE_ADMIN_EMAIL/TRIBUNE_ADMIN_PASSWORD were not usable ({}); use the setup link instead.",
                        invalid.getMessage());
            } catch (DuplicateKeyException raced) {
                return; // another node made it at the same moment
            }
        }
        String token = SecretTokens.newToken("");
        tx.executeWithoutResult(status -> setups.add(SecretTokens.hash(token), clock.instant()));
        String link = baseUrl + "/setup/admin?token=" + token;
        log.warn("No administrator yet. Open this one-time link to create one: {}", link);
        System.out.println("\n  No administrator yet. Create one here (one-time link):\n  " + link + "\n");
    }

    public boolean isSetupCodeValid(String token) {
        return token != null && token.length() < 200 && !adminExists() && setups.exists(SecretTokens.hash(token));
    }

    /** Creates the first administrator with the one-time code; the code then stops working. */
    @Transactional
    public Account createWithCode(String token, String handle, String email, String password, String locale) {
        if (!isSetupCodeValid(token) || !setups.use(SecretTokens.hash(token))) {
            throw new org.tribune.platform.Conflict("link.invalid");
        }
        return create(handle, email, password, locale);
    }

    private Account create(String handle, String email, String password, String locale) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        rules.checkHandle(errors, handle);
        rules.checkEmail(errors, "email", email);
        rules.checkPassword(errors, "password", password, handle, email);
        rules.checkLocale(errors, locale);
        if (!errors.has("handle") && accounts.handleTaken(handle)) {
            errors.add("handle", "handle.taken");
        }
        if (!errors.has("email") && accounts.emailTaken(email)) {
            errors.add("email", "email.taken");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        Account admin = new Account(ids.next(), handle.trim(), email.trim(), handle.trim(), "", locale, defaultZone,
                AccountState.ACTIVE, Role.ADMIN, now, now);
        accounts.insert(admin, passwords.encode(password), now);
        setups.clear();
        events.publishEvent(new AccountActivated(admin.id()));
        return admin;
    }
}
