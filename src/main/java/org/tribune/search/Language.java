package org.tribune.search;

import java.util.Locale;

/** The languages whose words are stemmed: each text is analysed in one of them. */
enum Language {
    FRENCH("fr"), ENGLISH("en");

    final String code;

    Language(String code) {
        this.code = code;
    }

    static Language ofCode(String code) {
        return "fr".equals(code) ? FRENCH : ENGLISH;
    }

    /** French for a French locale or group language, English for anything else. */
    static Language ofLocale(String tag) {
        return tag != null && Locale.forLanguageTag(tag).getLanguage().equals("fr") ? FRENCH : ENGLISH;
    }
}
