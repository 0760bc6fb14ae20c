package org.tribune.trust;

/**
 * One bar of a level: {@code have} against {@code need}. Most bars are minimums; {@code atMost} bars (upheld flags)
 * are maximums. {@code name} is the message key suffix {@code trust.requirement.<name>}.
 */
public record Requirement(String name, long have, long need, boolean atMost) {

    public static Requirement atLeast(String name, long have, long need) {
        return new Requirement(name, have, need, false);
    }

    public static Requirement atMost(String name, long have, long most) {
        return new Requirement(name, have, most, true);
    }

    public boolean met() {
        return atMost ? have <= need : have >= need;
    }

    /** Met within a grace: a minimum counts as kept while {@code have} is at least {@code percent}% of the bar. */
    boolean keptAt(int percent) {
        return atMost ? have <= need : have * 100 >= need * (long) percent;
    }

    /** The bar lowered to {@code percent}% (rounded up), as shown to a regular who must keep the level. */
    Requirement loweredTo(int percent) {
        return atMost ? this : new Requirement(name, have, (need * percent + 99) / 100, false);
    }
}
