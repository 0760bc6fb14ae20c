package org.tribune.wiki;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tribune.platform.personaldata.DataCategory;
import org.tribune.platform.personaldata.Erasure;
import org.tribune.platform.personaldata.ExportWriter;
import org.tribune.platform.personaldata.PersonalData;

/**
 * What the wiki holds about a person: the revisions they wrote, their reviews and moves, and their talk-page
 * messages. Revisions, reviews and moves stay when they leave (the text belongs to the community; the account
 * feature shows their author as "former member"); talk messages go only if they chose to delete their content, and
 * then the revisions of their own posts are blanked too (the posts are deleted; their history must not keep them).
 */
@Component
class WikiPersonalData implements PersonalData {
    private static final DataCategory REVISIONS = new DataCategory("wiki-revisions");
    private static final DataCategory TALK = new DataCategory("wiki-talk");
    private static final DataCategory ACTIONS = new DataCategory("wiki-actions");

    private final Revisions revisions;
    private final Talks talks;
    private final Moves moves;
    private final EditModes modes;
    private final Forgetting forgetting;

    WikiPersonalData(Revisions revisions, Talks talks, Moves moves, EditModes modes, Forgetting forgetting) {
        this.forgetting = forgetting;
        this.revisions = revisions;
        this.talks = talks;
        this.moves = moves;
        this.modes = modes;
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(REVISIONS, TALK, ACTIONS);
    }

    @Override
    public Map<String, Long> counts(long accountId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(REVISIONS.name(), revisions.countByEditor(accountId));
        counts.put(TALK.name(), talks.countByAuthor(accountId));
        counts.put(ACTIONS.name(), revisions.countReviewsBy(accountId) + moves.countByMover(accountId) + modes.countSetBy(accountId));
        return counts;
    }

    @Override
    public void export(long accountId, ExportWriter out) {
        out.records(REVISIONS.name(), revisions.byEditor(accountId, 100_000).stream().map(s -> {
            Revision r = s.revision();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", Long.toString(r.id()));
            m.put("kind", r.document().kind());
            m.put("documentId", Long.toString(r.document().id()));
            m.put("number", r.seq());
            m.put("createdAt", r.createdAt());
            m.put("change", r.change().name());
            m.put("status", s.status().name());
            m.put("summary", r.summary());
            m.put("title", r.content().title());
            m.put("body", r.content().body());
            m.put("link", r.content().link());
            m.put("linkSummary", r.content().linkSummary());
            m.put("contentWarning", r.content().contentWarning());
            return m;
        }).toList());
        out.records(TALK.name(), talks.byAuthor(accountId).stream().map(t -> Map.<String, Object>of("id", Long.toString(t.id()),
                "kind", t.document().kind(), "documentId", Long.toString(t.document().id()), "body", t.body(),
                "createdAt", t.createdAt())).toList());
        List<Map<String, Object>> actions = new java.util.ArrayList<>(revisions.reviewsBy(accountId));
        moves.byMover(accountId).forEach(m -> actions.add(Map.of("move", Long.toString(m.postId()), "fromGroupId",
                Long.toString(m.fromGroupId()), "toGroupId", Long.toString(m.toGroupId()), "summary", m.summary(), "movedAt", m.movedAt())));
        out.records(ACTIONS.name(), actions);
    }

    @Override
    public void erase(long accountId, Erasure erasure) {
        if (erasure.deleteContent()) {
            talks.deleteByAuthor(accountId);
            forgetting.forgetMoveSummariesBy(accountId);
            forgetting.blankRevisionsOfPostsBy(accountId);
        }
    }
}
