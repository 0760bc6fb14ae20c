package org.tribune.account;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.LocaleSettings;

/** What a handle, an address, a password and a profile must look like. Each failure is a message key. */
@Component
class AccountRules {
    static final int PASSWORD_MIN = 10;
    /** Long enough for any passphrase, short enough that hashing it cannot be used to exhaust the server. */
    static final int PASSWORD_MAX = 256;
    static final int DISPLAY_NAME_MAX = 60;
    static final int BIO_MAX = 5000;
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{3,30}");
    // Deliberately simple: one @, something before it, a dotted domain after it, no spaces.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final CommonPasswords common;

    AccountRules(CommonPasswords common) {
        this.common = common;
    }

    void checkHandle(InvalidInput.Collector errors, String handle) {
        if (handle == null || !HANDLE.matcher(handle).matches()) {
            errors.add("handle", "handle.invalid");
        }
    }

    void checkEmail(InvalidInput.Collector errors, String field, String email) {
        if (email == null || email.length() > 254 || !EMAIL.matcher(email.trim()).matches()) {
            errors.add(field, "email.invalid");
        }
    }

    void checkPassword(InvalidInput.Collector errors, String field, String password, String handle, String email) {
        if (password == null || password.length() < PASSWORD_MIN) {
            errors.add(field, "password.too-short", PASSWORD_MIN);
        } else if (password.length() > PASSWORD_MAX) {
            errors.add(field, "password.too-long", PASSWORD_MAX);
        } else if (common.isCommon(password)) {
            errors.add(field, "password.common");
        } else if (resembles(password, handle) || resembles(password, email == null ? null : email.split("@")[0])) {
            errors.add(field, "password.personal");
        }
    }

    private static boolean resembles(String password, String personal) {
        return personal != null && personal.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(personal.toLowerCase(Locale.ROOT))
                && password.length() < personal.length() + 6;
    }

    void checkLocale(InvalidInput.Collector errors, String locale) {
        if (!LocaleSettings.isSupported(locale)) {
            errors.add("locale", "locale.unsupported");
        }
    }

    void checkTimeZone(InvalidInput.Collector errors, String zone) {
        try {
            if (zone == null || zone.length() > 60) {
                throw new DateTimeException("missing");
            }
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.add("timeZone", "timezone.invalid");
        }
    }

    void checkProfile(InvalidInput.Collector errors, String displayName, String bio) {
        if (displayName == null || displayName.isBlank()) {
            errors.add("displayName", "display-name.required");
        } else if (displayName.length() > DISPLAY_NAME_MAX) {
            errors.add("displayName", "display-name.too-long", DISPLAY_NAME_MAX);
        } else if (displayName.codePoints().anyMatch(Character::isISOControl)) {
            errors.add("displayName", "display-name.invalid");
        }
        if (bio != null && bio.length() > BIO_MAX) {
            errors.add("bio", "bio.too-long", BIO_MAX);
        }
    }
}
