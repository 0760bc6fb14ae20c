package org.tribune.post;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tribune.account.Account;

/** Orders comments as threads (each reply under its parent) and caps the indentation at three levels. */
final class Threads {
    static final int MAX_INDENT = 3;

    private Threads() {
    }

    static List<CommentRow> arrange(List<Comment> comments, Map<Long, Account> authors, Set<Long> liked, Long viewerId,
            boolean viewerModerates) {
        Map<Long, Comment> byId = new HashMap<>();
        Map<Long, List<Comment>> children = new HashMap<>();
        List<Comment> roots = new ArrayList<>();
        for (Comment c : comments) {
            byId.put(c.id(), c);
        }
        for (Comment c : comments) {
            if (c.parentId() != null && byId.containsKey(c.parentId())) {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            } else {
                roots.add(c);
            }
        }
        List<CommentRow> rows = new ArrayList<>();
        Deque<Comment> stack = new ArrayDeque<>();
        roots.stream().sorted(Comparator.comparingLong(Comment::id).reversed()).forEach(stack::push);
        Map<Long, Integer> level = new HashMap<>();
        while (!stack.isEmpty()) {
            Comment c = stack.pop();
            int depth = c.parentId() != null && level.containsKey(c.parentId()) ? level.get(c.parentId()) + 1 : 0;
            level.put(c.id(), depth);
            Account author = present(authors.get(c.authorId()));
            Comment parent = c.parentId() == null ? null : byId.get(c.parentId());
            Account parentAuthor = parent == null ? null : present(authors.get(parent.authorId()));
            boolean own = viewerId != null && viewerId == c.authorId();
            rows.add(new CommentRow(c, author, Math.min(depth, MAX_INDENT),
                    depth > MAX_INDENT && parentAuthor != null ? parentAuthor.handle() : null,
                    liked.contains(c.id()), own && !c.deleted(), (own || viewerModerates) && !c.deleted()));
            children.getOrDefault(c.id(), List.of()).stream()
                    .sorted(Comparator.comparingLong(Comment::id).reversed()).forEach(stack::push);
        }
        return rows;
    }

    /** Null for an account that is gone or going: its comments show "former member", never its old name. */
    private static Account present(Account author) {
        return author == null || author.state() == org.tribune.account.AccountState.DELETED
                || author.state() == org.tribune.account.AccountState.CLOSING ? null : author;
    }
}
