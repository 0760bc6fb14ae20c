package org.tribune.privacy;

import java.util.Map;
import java.util.Set;

/**
 * THE list every new table must join. The erasure test reads every table from INFORMATION_SCHEMA and fails when a
 * table is in neither list below:
 * <ul>
 * <li>{@link #FILLED_BY_FIXTURE}: tables that can hold something about a person; {@link EverythingFixture} must put a
 * row about its person in each (add the step that does, then the table here), and the feature owning the table must
 * implement {@code PersonalData} so the erasure leaves nothing behind;</li>
 * <li>{@link #NO_PERSONAL_DATA}: tables that hold nothing about anyone, each with the reason.</li>
 * </ul>
 */
final class PersonalDataTables {
    private PersonalDataTables() {
    }

    static final Set<String> FILLED_BY_FIXTURE = Set.of(
            // account
            "account", "display_name_change", "password_reset", "api_token", "login_failure", "account_audit",
            "account_privacy", "spring_session", "spring_session_attributes",
            // mail
            "mail_message",
            // group
            "topic_group", "group_member", "group_join_request", "group_ban", "group_invitation",
            // post
            "post", "post_comment", "post_like", "comment_like",
            // follow, notification
            "follow", "notification", "notification_setting",
            // admission
            "admission_queue", "admission_donor", "invitation",
            // donation
            "donation", "donation_payment", "stripe_event", "donor_preference",
            // trust
            "trust_level", "trust_upheld_flag", "trust_activity_day", "trust_liker", "trust_reply_thread",
            // wiki
            "wiki_revision", "wiki_head", "wiki_talk", "wiki_review", "wiki_mode", "wiki_move",
            // community notes
            "note", "note_rating", "note_request", "note_rater_factor",
            // moderation
            "flag", "flagger_record", "flag_hidden_target", "moderation_action", "timed_sanction", "appeal",
            // post: hidden, locked, shared; search: the index of posts, comments, groups and people
            "post_hidden", "comment_hidden", "post_lock", "post_share", "search_document",
            // events
            "group_event", "event_rsvp", "event_reminder", "event_reminder_setting", "event_calendar_token",
            // privacy
            "data_export", "data_export_claim",
            // media: pictures (an avatar and a post's photo)
            "media",
            // safety: blocks, mutes, word filters, reach settings
            "safety_block", "safety_mute", "safety_filter", "safety_reach",
            // onboarding: started when the account became a member (the fixture's accounts are admitted)
            "onboarding",
            // platform: shared rate-limit buckets keyed by account id (or client address)
            "rate_bucket");

    static final Map<String, String> NO_PERSONAL_DATA = Map.ofEntries(
            Map.entry("flyway_schema_history", "migrations applied"),
            Map.entry("platform_secret", "the server's link-signing key"),
            Map.entry("media_file", "pixels of pictures under random names, with tribune.media.storage=database only; "
                    + "each row goes with its media row (MediaStorageTest), which PersonalData erases"),
            Map.entry("final_removal", "which moderation removals became final, by action id and time"),
            Map.entry("node_lease", "which node holds which id number"),
            Map.entry("job_run", "which node ran which scheduled job"),
            Map.entry("admin_setup", "hash of the one-time first-administrator link"),
            Map.entry("retired_handle", "SHA-256 of erased handles, so they are never given again"),
            Map.entry("admission_setting", "the daily admission quota"),
            Map.entry("admission_run", "how many were admitted each day"),
            Map.entry("link_preview", "title and description of public web pages, by address"),
            Map.entry("link_preview_image", "pictures of public web pages, re-encoded"),
            Map.entry("expense", "the association's expenses"),
            Map.entry("donation_secret", "the key that signs offline test payments"),
            Map.entry("trust_site_day", "how many posts the whole site published each day"),
            Map.entry("note_export", "the daily public export of notes and ratings, without authors or raters"),
            Map.entry("event_group_setting", "per group: whether members may create events"),
            Map.entry("safety_group_filter", "a group's filters: phrases and what they do, naming no one"),
            Map.entry("source_page", "domains and their current label code; who labelled them lives in wiki_revision"),
            Map.entry("search_index_state", "the search index's build number and a rebuild's progress"),
            Map.entry("search_change", "which search documents changed (their kind and id, no text) and when, kept "
                    + "for the nodes to follow (tribune.search.changes-kept-for, a day), then forgotten"),
            Map.entry("search_change_horizon", "the first transaction whose search changes are all still kept"),
            Map.entry("event_publication", "after-commit work in flight: the ids an event names, deleted as soon as its "
                    + "listener completes (seconds); what the listener writes is erased with the rest"));
}
