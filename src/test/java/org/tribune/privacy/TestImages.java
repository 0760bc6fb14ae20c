package org.tribune.privacy;

/** Pictures for tests outside this package. */
public final class TestImages {
    private TestImages() {
    }

    public static byte[] png() {
        return EverythingFixture.png();
    }
}
