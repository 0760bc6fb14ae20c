package org.tribune.platform.web;

/**
 * Something a signed-in person may or may not do, asked by the layout so that it links only to pages the reader can
 * use (a link that answers 403 is a dead end). The feature that decides supplies the bean, so the platform knows the
 * name and nothing of the rule; an ability nobody supplies is not granted.
 */
public interface PageAbility {
    /** Rating community notes: {@code /notes/needs-ratings}. */
    String RATE_NOTES = "rate-notes";
    /** Creating invitation links: {@code /invitations}. */
    String INVITE = "invite";

    /** The name templates ask for, one of the constants above. */
    String name();

    /** Whether the account may do it now; asked at most once per page. */
    boolean grantedTo(long accountId);

    /** An ability decided by the given rule, for a feature's {@code @Bean}. */
    static PageAbility of(String name, java.util.function.LongPredicate rule) {
        record Rule(String name, java.util.function.LongPredicate rule) implements PageAbility {
            @Override
            public boolean grantedTo(long accountId) {
                return rule.test(accountId);
            }
        }
        return new Rule(name, rule);
    }
}
