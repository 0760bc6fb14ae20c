package org.tribune.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where this Tribune is reached from outside ({@code TRIBUNE_BASE_URL}), for links in mails and redirects. */
@Component
public class SiteAddress {
    private final String base;

    public SiteAddress(@Value("${tribune.base-url}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The base address, without a trailing slash. */
    public String base() {
        return base;
    }

    /** The full address of a path on this site, e.g. {@code of("/login")}. */
    public String of(String path) {
        return base + path;
    }
}
