package org.tribune.notes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tribune.account.AccountService;
import org.tribune.platform.web.PageAbility;

/** What the layout needs to know of notes: whether to link to {@code /notes/needs-ratings}, by that page's own rule. */
@Configuration(proxyBeanMethods = false)
class NotePages {
    @Bean
    PageAbility ratingNotes(NoteService notes, AccountService accounts) {
        return PageAbility.of(PageAbility.RATE_NOTES, id -> accounts.byId(id).map(notes::mayRate).orElse(false));
    }
}
