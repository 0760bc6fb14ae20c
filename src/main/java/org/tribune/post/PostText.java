package org.tribune.post;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.tribune.account.Account;
import org.tribune.account.AccountService;
import org.tribune.account.AccountState;
import org.tribune.account.MentionPolicy;
import org.tribune.platform.web.Markdown;
import org.tribune.safety.SafetyService;

/**
 * Turns what people write into safe HTML once, at writing time: Markdown, sanitised, with @mentions of existing
 * people linked to their profiles. Also says whom the text mentions.
 */
@Component
class PostText {
    static final int MAX_MENTIONS = 20;
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@/`])@([A-Za-z0-9_]{3,30})\\b");

    private final Markdown markdown;
    private final AccountService accounts;
    private final SafetyService safety;

    PostText(Markdown markdown, AccountService accounts, SafetyService safety) {
        this.markdown = markdown;
        this.accounts = accounts;
        this.safety = safety;
    }

    record Rendered(String html, Map<String, Long> mentions) {
    }

    /** Renders text written by someone unknown: mentions are linked only for people who let anyone mention them. */
    Rendered render(String text) {
        return render(text, null);
    }

    /**
     * Renders what {@code authorId} wrote. A mention of someone who does not let this author mention them (see
     * {@link MentionPolicy}), or who is across a block from the author, stays plain text: no link, and no notification.
     */
    Rendered render(String text, Long authorId) {
        Map<String, Long> mentioned = new LinkedHashMap<>();
        Matcher m = MENTION.matcher(text);
        StringBuilder linked = new StringBuilder();
        while (m.find()) {
            String handle = m.group(1);
            Long id = mentioned.size() < MAX_MENTIONS || mentioned.containsKey(handle) ? resolve(handle, mentioned, authorId) : null;
            m.appendReplacement(linked, Matcher.quoteReplacement(id == null ? m.group() : "[@" + handle + "](/@" + handle + ")"));
        }
        m.appendTail(linked);
        return new Rendered(markdown.toSafeHtml(linked.toString()), mentioned);
    }

    private Long resolve(String handle, Map<String, Long> mentioned, Long authorId) {
        if (mentioned.containsKey(handle)) {
            return mentioned.get(handle);
        }
        Long id = accounts.byHandle(handle)
                .filter(a -> a.state() == AccountState.ACTIVE || a.state() == AccountState.WAITING)
                .filter(a -> safety.mayMention(authorId, a.id()))
                .map(Account::id).orElse(null);
        if (id != null) {
            mentioned.put(handle, id);
        }
        return id;
    }
}
