package org.tribune.group;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.LocaleSettings;

/** What a group's slug, name, description and questions must look like. */
final class GroupRules {
    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 10_000;
    static final int QUESTIONS_MAX = 5;
    static final int QUESTION_MAX = 300;
    static final int ANSWER_MAX = 1000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,58})[a-z0-9]");
    /** Paths under /groups that a slug must not shadow. */
    private static final Set<String> RESERVED = Set.of("new", "mine", "admin", "api", "settings", "search");

    private GroupRules() {
    }

    static void check(InvalidInput.Collector errors, GroupForm form, boolean checkSlug) {
        if (checkSlug && (form.slug() == null || !SLUG.matcher(form.slug()).matches()
                || RESERVED.contains(form.slug().toLowerCase(Locale.ROOT)) || form.slug().contains("--"))) {
            errors.add("slug", "group.slug-invalid");
        }
        if (form.name() == null || form.name().isBlank()) {
            errors.add("name", "group.name-required");
        } else if (form.name().length() > NAME_MAX || form.name().codePoints().anyMatch(Character::isISOControl)) {
            errors.add("name", "group.name-too-long", NAME_MAX);
        }
        if (form.description() != null && form.description().length() > DESCRIPTION_MAX) {
            errors.add("description", "group.description-too-long", DESCRIPTION_MAX);
        }
        if (!LocaleSettings.isSupported(form.language())) {
            errors.add("language", "locale.unsupported");
        }
        if (parse(Visibility.class, form.visibility()) == null) {
            errors.add("visibility", "group.visibility-invalid");
        }
        if (parse(JoinPolicy.class, form.joinPolicy()) == null) {
            errors.add("joinPolicy", "group.join-policy-invalid");
        }
        if (form.joinQuestions().size() > QUESTIONS_MAX
                || form.joinQuestions().stream().anyMatch(q -> q.length() > QUESTION_MAX || q.contains("\n"))) {
            errors.add("joinQuestions", "group.questions-invalid", QUESTIONS_MAX, QUESTION_MAX);
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
