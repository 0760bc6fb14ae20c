package org.tribune.wiki;

import org.tribune.platform.Conflict;

/**
 * An edit saved on a revision that is no longer the current one, where both changed the same field: the editor
 * sees both changes ({@code base} → {@code current}, and {@code base} → {@code mine}) and decides.
 */
public class EditConflict extends Conflict {
    private final transient Revision current;
    private final transient Content base;
    private final transient Content mine;

    public EditConflict(Revision current, Content base, Content mine) {
        super("wiki.edit-conflict");
        this.current = current;
        this.base = base;
        this.mine = mine;
    }

    public Revision current() {
        return current;
    }

    public Content base() {
        return base;
    }

    public Content mine() {
        return mine;
    }
}
