package org.tribune.moderation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flag rules ({@code tribune.moderation.*}).
 *
 * @param flagsPerDay flags a member may file in 24 hours at trust levels 0 and 1 (×1.5, ×2, ×3 at levels 2, 3, 4)
 * @param hideFlaggers distinct flaggers needed to hide content without a moderator...
 * @param hideWeight ...whose flags must also weigh this much together: a flag weighs (upheld + 1) / (upheld +
 *        rejected + 2) of its flagger's past flags, so a newcomer's flag weighs 0.5, and three of them hide
 * @param reflagHours hidden content cannot be flagged again for this many hours
 */
@ConfigurationProperties("tribune.moderation")
public record ModerationRules(
        @DefaultValue("20") int flagsPerDay,
        @DefaultValue("3") int hideFlaggers,
        @DefaultValue("1.5") double hideWeight,
        @DefaultValue("24") int reflagHours) {
}
