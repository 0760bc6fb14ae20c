package org.tribune.account;

/** A short, human description of a browser ("Firefox on Linux"): enough to recognise a device, no more. */
final class Devices {
    private Devices() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "?";
        }
        String browser = userAgent.contains("Firefox/") ? "Firefox"
                : userAgent.contains("Edg/") ? "Edge"
                : userAgent.contains("OPR/") ? "Opera"
                : userAgent.contains("Chrome/") || userAgent.contains("Chromium/") ? "Chrome"
                : userAgent.contains("Safari/") ? "Safari"
                : userAgent.contains("curl/") ? "curl"
                : "?";
        String system = userAgent.contains("Android") ? "Android"
                : userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS"
                : userAgent.contains("Windows") ? "Windows"
                : userAgent.contains("Mac OS") ? "macOS"
                : userAgent.contains("Linux") ? "Linux"
                : "?";
        return browser + " · " + system;
    }
}
