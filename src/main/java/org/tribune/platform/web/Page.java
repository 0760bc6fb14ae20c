package org.tribune.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.tribune.platform.InvalidInput;

/**
 * What every template needs besides its own data: the language, the viewer, the CSRF token, messages and
 * form errors. Built once per rendered page by {@link JteView}.
 */
public final class Page {
    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;
    private final Viewer viewer;
    private final CsrfToken csrf;
    private final String path;
    private final String returnPath;
    private final String notice;
    private final Map<String, InvalidInput.Problem> errors;
    private final IntSupplier unread;
    private Integer unreadCount;
    private final java.util.function.BooleanSupplier warningsOpen;
    private Boolean opensWarnings;
    private final java.util.function.Predicate<String> abilities;
    private final Map<String, Boolean> granted = new java.util.HashMap<>();
    private String csrfName;
    private String csrfValue;
    private byte[] csrfField;
    private DateTimeFormatter timeFormat;
    private final Fragments fragments;
    private static final Map<Locale, DateTimeFormatter> TIME_FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

    Page(MessageSource messages, Locale locale, ZoneId zone, Viewer viewer, CsrfToken csrf, String path,
            String returnPath, String notice, Map<String, InvalidInput.Problem> errors, IntSupplier unread,
            java.util.function.BooleanSupplier warningsOpen, java.util.function.Predicate<String> abilities) {
        this(messages, locale, zone, viewer, csrf, path, returnPath, notice, errors, unread, warningsOpen, abilities, null);
    }

    Page(MessageSource messages, Locale locale, ZoneId zone, Viewer viewer, CsrfToken csrf, String path,
            String returnPath, String notice, Map<String, InvalidInput.Problem> errors, IntSupplier unread,
            java.util.function.BooleanSupplier warningsOpen, java.util.function.Predicate<String> abilities,
            Fragments fragments) {
        this.fragments = fragments;
        this.abilities = abilities;
        this.warningsOpen = warningsOpen;
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
        this.viewer = viewer;
        this.csrf = csrf;
        this.path = path;
        this.returnPath = returnPath;
        this.notice = notice;
        this.errors = errors == null ? Map.of() : errors;
        this.unread = unread;
    }

    /** The message for {@code key} in the reader's language. */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    public String lang() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public Optional<Viewer> viewer() {
        return Optional.ofNullable(viewer);
    }

    public boolean isAdmin() {
        return viewer != null && viewer.isAdmin();
    }

    /** The signed-in person's unread notifications (0 for a visitor); asked once per page, when first shown. */
    public int unreadNotifications() {
        if (unreadCount == null) {
            unreadCount = viewer == null || unread == null ? 0 : unread.getAsInt();
        }
        return unreadCount;
    }

    /** Whether the reader chose to have content warnings always open; asked once per page, when first needed. */
    public boolean opensWarnings() {
        if (opensWarnings == null) {
            opensWarnings = viewer != null && warningsOpen != null && warningsOpen.getAsBoolean();
        }
        return opensWarnings;
    }

    /**
     * Whether the signed-in reader may use the page behind a {@link PageAbility} (false for a visitor); asked once
     * per page and name, so that links to pages answering 403 are not shown.
     */
    public boolean may(String ability) {
        if (viewer == null || abilities == null) {
            return false;
        }
        return granted.computeIfAbsent(ability, abilities::test);
    }

    /** The unread count as the header shows it: "99+" above 99. */
    public String unreadBadge() {
        int count = unreadNotifications();
        return count > 99 ? "99+" : Integer.toString(count);
    }

    /** Asked by every form of the page; the token is read once. */
    public String csrfParameter() {
        if (csrfName == null) {
            csrfName = csrf == null ? "_csrf" : csrf.getParameterName();
        }
        return csrfName;
    }

    public String csrfToken() {
        if (csrfValue == null) {
            csrfValue = csrf == null ? "" : csrf.getToken();
        }
        return csrfValue;
    }

    /**
     * The hidden field that carries the CSRF token, made once per page: a feed page has a form under every post, and
     * escaping the token into each was a share of the page.
     */
    public gg.jte.Content csrfField() {
        if (csrfField == null) {
            PageBytes field = new PageBytes(256);
            field.writeContent("<input type=\"hidden\" name=\"");
            gg.jte.html.escape.Escape.htmlAttribute(csrfParameter(), field);
            field.writeContent("\" value=\"");
            gg.jte.html.escape.Escape.htmlAttribute(csrfToken(), field);
            field.writeContent("\">");
            csrfField = field.toByteArray();
        }
        byte[] bytes = csrfField;
        return output -> output.writeBinaryContent(bytes);
    }

    /** The path of this page, to mark the current link in navigation. */
    public String path() {
        return path;
    }

    /**
     * Where to come back to after a change of language: this page when a GET loads it again, else (a page answering
     * a form, whose address only takes a POST) the page on this site that the form was on.
     */
    public String returnPath() {
        return returnPath;
    }

    /** A one-time message carried over a redirect ("Your password was changed."), already translated. */
    public String notice() {
        return notice;
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The translated error for a form field, or null. */
    public String error(String field) {
        InvalidInput.Problem problem = errors.get(field);
        return problem == null ? null : t(problem.code(), problem.args().toArray());
    }

    public Iterable<String> errorFields() {
        return errors.keySet();
    }

    /** The reader's time zone (theirs, else the site's). */
    public ZoneId zone() {
        return zone;
    }

    /** A date and time in the reader's zone and language. */
    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        if (timeFormat == null) {
            timeFormat = TIME_FORMATS.computeIfAbsent(locale, Page::timeFormat).withZone(zone);
        }
        return timeFormat.format(instant);
    }

    /**
     * The language's medium date and short time as a plain pattern: a localized formatter looks its pattern up again
     * at every date it formats, and a feed page formats dozens.
     */
    private static DateTimeFormatter timeFormat(Locale locale) {
        return DateTimeFormatter.ofPattern(DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM,
                FormatStyle.SHORT, IsoChronology.INSTANCE, locale), locale);
    }

    /**
     * A part of the page written from memory when it was rendered before for the same {@code shown} in this language
     * and zone ({@link Fragments}). {@code shown} must hold, as values, everything the part shows besides the
     * messages and times of the page: the viewer's own state (their like, a form's token) stays out of such parts.
     */
    public gg.jte.Content once(Object shown, gg.jte.Content render) {
        return fragments == null ? render : fragments.of(new Fragments.Key(shown, locale, zone), render);
    }

    /** The ISO form of an instant, for a {@code <time datetime>} attribute. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
