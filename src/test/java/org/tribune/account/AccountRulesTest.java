package org.tribune.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tribune.platform.InvalidInput;

class AccountRulesTest {
    static final AccountRules RULES = new AccountRules(new CommonPasswords());

    static java.util.Set<String> problems(java.util.function.Consumer<InvalidInput.Collector> check) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        check.accept(errors);
        try {
            errors.throwIfAny();
            return java.util.Set.of();
        } catch (InvalidInput e) {
            return e.problems().stream().map(InvalidInput.Problem::code).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void handlesAreThreeToThirtyLettersDigitsOrUnderscores() {
        assertThat(problems(e -> RULES.checkHandle(e, "ana_42"))).isEmpty();
        assertThat(problems(e -> RULES.checkHandle(e, "abc"))).isEmpty();
        assertThat(problems(e -> RULES.checkHandle(e, "a".repeat(30)))).isEmpty();
        for (String bad : new String[] {null, "", "ab", "a".repeat(31), "ana-42", "ana 42", "ana.b", "анна", "ana@x"}) {
            assertThat(problems(e -> RULES.checkHandle(e, bad))).as(String.valueOf(bad)).containsExactly("handle.invalid");
        }
    }

    @Test
    void passwordsNeedTenCharactersAndMayBeLong() {
        assertThat(problems(e -> RULES.checkPassword(e, "p", "short", "ana", "ana@x.org"))).containsExactly("password.too-short");
        assertThat(problems(e -> RULES.checkPassword(e, "p", "violet staple lantern", "ana", "ana@x.org"))).isEmpty();
        assertThat(problems(e -> RULES.checkPassword(e, "p", "x9!".repeat(40), "ana", "ana@x.org"))).isEmpty();
        assertThat(problems(e -> RULES.checkPassword(e, "p", "y".repeat(257), "ana", "ana@x.org"))).containsExactly("password.too-long");
    }

    @Test
    void commonPasswordsAndTheirNumberedVariantsAreRefused() {
        for (String common : new String[] {"password123", "qwertyuiop", "1234567890", "Password2024!", "monkey12345", "iloveyou2026"}) {
            assertThat(problems(e -> RULES.checkPassword(e, "p", common, "ana", "ana@x.org"))).as(common)
                    .containsExactly("password.common");
        }
    }

    @Test
    void aPasswordThatIsJustTheHandleIsRefused() {
        assertThat(problems(e -> RULES.checkPassword(e, "p", "zorglub_the_great1", "zorglub_the_great", "z@x.org")))
                .containsExactly("password.personal");
    }

    @Test
    void addressesNeedOneAtAndADottedDomain() {
        assertThat(problems(e -> RULES.checkEmail(e, "email", "ana@example.org"))).isEmpty();
        for (String bad : new String[] {null, "", "ana", "ana@", "@example.org", "ana@example", "a b@example.org", "a@@b.org"}) {
            assertThat(problems(e -> RULES.checkEmail(e, "email", bad))).as(String.valueOf(bad)).containsExactly("email.invalid");
        }
    }
}
