/**
 * A new member's first steps after admission: language, topic groups (only curated, moderated ones), a few active
 * people to follow, the code of conduct, and how editing, flags and notes work. Each screen is skippable, the
 * sequence is resumable, and none of it ever stands between a member and the rest of the site.
 */
package org.tribune.onboarding;
