package org.tribune.wiki;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tribune.account.Account;
import org.tribune.platform.Forbidden;
import org.tribune.platform.Ids;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.RateLimiter;
import org.tribune.platform.web.Markdown;

/**
 * Talk pages: a discussion about a document and its edits, apart from its comments. Read by whoever may read the
 * document; written by those who take part where it lives, and its moderators.
 */
@Service
public class TalkService {
    public static final int BODY_MAX = 5_000;
    public static final int PAGE = 200;
    private static final RateLimiter.Limit LIMIT = new RateLimiter.Limit("wiki-talk", 60, Duration.ofHours(1));

    private final WikiService wiki;
    private final Talks talks;
    private final Markdown markdown;
    private final RateLimiter limiter;
    private final Ids ids;
    private final Clock clock;

    TalkService(WikiService wiki, Talks talks, Markdown markdown, RateLimiter limiter, Ids ids, Clock clock) {
        this.wiki = wiki;
        this.talks = talks;
        this.markdown = markdown;
        this.limiter = limiter;
        this.ids = ids;
        this.clock = clock;
    }

    /** Oldest first, after {@code afterId}; "not found" for those who may not read the document. */
    public List<TalkMessage> messages(Document ref, Account viewer, long afterId) {
        wiki.document(ref, viewer);
        return talks.of(ref, afterId, PAGE);
    }

    public boolean maySay(WikiDocument doc, Account viewer) {
        return viewer != null && viewer.isActive() && (doc.viewerTakesPart() || doc.viewerModerates());
    }

    @Transactional
    public TalkMessage say(Account author, Document ref, String body) {
        WikiDocument doc = wiki.document(ref, author);
        if (!maySay(doc, author)) {
            throw new Forbidden("wiki.talk-members-only");
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw InvalidInput.of("body", "wiki.talk-required");
        }
        if (text.length() > BODY_MAX) {
            throw InvalidInput.of("body", "wiki.talk-too-long", BODY_MAX);
        }
        limiter.consume(LIMIT, Long.toString(author.id()));
        TalkMessage message = new TalkMessage(ids.next(), ref, author.id(), text, markdown.toSafeHtml(text), clock.instant());
        talks.insert(message);
        return message;
    }
}
