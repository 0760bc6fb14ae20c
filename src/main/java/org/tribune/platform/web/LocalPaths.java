package org.tribune.platform.web;

/** Where a form may send someone back to: only a path on this site, never another origin. */
public final class LocalPaths {
    private LocalPaths() {
    }

    /** The path itself when it is local; "/" for "//evil.example", "https://...", backslashes or overlong input. */
    public static String only(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.length() < 500 ? path : "/";
    }
}
