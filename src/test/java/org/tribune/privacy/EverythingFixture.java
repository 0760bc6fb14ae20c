package org.tribune.privacy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.AccountAdministration;
import org.tribune.account.AccountService;
import org.tribune.account.Audience;
import org.tribune.account.Members;
import org.tribune.account.MentionPolicy;
import org.tribune.account.PrivacySettings;
import org.tribune.account.TokenService;
import org.tribune.admission.InvitationService;
import org.tribune.follow.FollowService;
import org.tribune.group.Group;
import org.tribune.group.GroupForm;
import org.tribune.group.GroupJoining;
import org.tribune.group.GroupMembers;
import org.tribune.group.GroupService;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;
import org.tribune.trust.TrustFixture;
import org.tribune.trust.TrustLevel;
import org.tribune.trust.TrustLevels;
import org.tribune.trust.ReadingLog;
import org.tribune.wiki.Content;
import org.tribune.wiki.Document;
import org.tribune.wiki.EditMode;
import org.tribune.wiki.Recategorisation;
import org.tribune.wiki.TalkService;
import org.tribune.wiki.WikiService;
import org.tribune.moderation.FlagReason;
import org.tribune.moderation.FlagService;
import org.tribune.moderation.ModerationAction;
import org.tribune.moderation.ModerationService;
import org.tribune.moderation.TargetKind;
import org.tribune.notes.Helpfulness;
import org.tribune.notes.Note;
import org.tribune.notes.NoteService;

/**
 * A person who has done everything Tribune lets one do, so that a row about them exists in every table of
 * {@link PersonalDataTables#FILLED_BY_FIXTURE}, with texts that identify them (address, handle, display names, bio)
 * wherever such text can go. Mostly through the services, as a person would; the tables a test cannot reach that
 * way (payments from the provider, the waiting list of an active member) directly.
 */
@Component
class EverythingFixture {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The person and everything that identified them, plus the people around them. */
    record Person(Account account, String displayName, String earlierName, String bio, Account friend, Account moderator,
            Group ownGroup, Group privateGroup, Post privatePostOfOthers, Post friendPost, WebClient browser) {

        List<String> identifying() {
            return List.of(account.email(), account.handle(), displayName, earlierName, bio);
        }
    }

    private final Members members;
    private final AccountService accounts;
    private final AccountAdministration administration;
    private final TokenService tokens;
    private final GroupService groups;
    private final GroupMembers groupMembers;
    private final GroupJoining groupJoining;
    private final PostService posts;
    private final FollowService follows;
    private final InvitationService invitations;
    private final TrustLevels trust;
    private final DataExportService exports;
    private final JdbcClient db;
    private final ReadingLog reading;
    private final WikiService wiki;
    private final TalkService talk;
    private final FlagService flags;
    private final ModerationService moderation;
    private final NoteService notes;
    private final Recategorisation recategorisation;
    private final org.tribune.media.MediaService media;
    @org.springframework.beans.factory.annotation.Autowired
    private org.tribune.event.EventService events;
    @org.springframework.beans.factory.annotation.Autowired
    private org.tribune.event.Attendance attendance;
    @org.springframework.beans.factory.annotation.Autowired
    private org.tribune.event.EventReminders eventReminders;
    @org.springframework.beans.factory.annotation.Autowired
    private org.tribune.event.ReminderSettings reminderSettings;
    @org.springframework.beans.factory.annotation.Autowired
    private org.tribune.event.CalendarFeeds calendars;
    private final org.tribune.safety.SafetyService safety;
    private final org.tribune.safety.WordFilters filters;

    EverythingFixture(Members members, AccountService accounts, AccountAdministration administration,
            TokenService tokens, GroupService groups, GroupMembers groupMembers, GroupJoining groupJoining, PostService posts, FollowService follows,
            InvitationService invitations, TrustLevels trust, DataExportService exports, JdbcClient db,
            ReadingLog reading, WikiService wiki, TalkService talk, FlagService flags, ModerationService moderation,
            NoteService notes, Recategorisation recategorisation, org.tribune.media.MediaService media,
            org.tribune.safety.SafetyService safety, org.tribune.safety.WordFilters filters) {
        this.media = media;
        this.safety = safety;
        this.filters = filters;
        this.recategorisation = recategorisation;
        this.reading = reading;
        this.wiki = wiki;
        this.talk = talk;
        this.flags = flags;
        this.moderation = moderation;
        this.notes = notes;
        this.members = members;
        this.accounts = accounts;
        this.administration = administration;
        this.tokens = tokens;
        this.groups = groups;
        this.groupMembers = groupMembers;
        this.groupJoining = groupJoining;
        this.posts = posts;
        this.follows = follows;
        this.invitations = invitations;
        this.trust = trust;
        this.exports = exports;
        this.db = db;
    }

    static String word() {
        return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    Person create(int port) {
        Account me = members.active("zq");
        Account friend = members.active("fr");
        Account moderator = members.active("md");
        Account admin = members.admin("ad");
        String earlier = "Quillfeather " + word();
        String name = "Zephyrine " + word();
        String bio = "Beekeeper of the " + word() + " valley";

        // account: profile history, bio, avatar, privacy settings, token, reset code (and its mail), audit entries
        accounts.updateProfile(me.id(), earlier, bio);
        members.ageNameChanges(me.id(), 8);
        accounts.updateProfile(me.id(), name, bio);
        accounts.changeAvatar(me.id(), "me.png", png());
        accounts.updatePrivacy(me.id(), new PrivacySettings(Audience.EVERYONE, Audience.MEMBERS, Audience.EVERYONE,
                MentionPolicy.EVERYONE, true));
        tokens.createFor(me.id(), "phone of " + name);
        accounts.requestPasswordReset(me.email(), "192.0.2.9");
        // what an administrator's suspension writes in the audit log (the service wants an administrator's session)
        db.sql("insert into account_audit (id, actor_id, subject_id, action, detail, at) values (?, ?, ?, 'suspend', ?, ?)")
                .params(RANDOM.nextLong() & Long.MAX_VALUE, admin.id(), me.id(), "checking on " + name + " @" + me.handle(),
                        Timestamp.from(Instant.now())).update();

        // sessions and a failed login at their address
        WebClient browser = new WebClient(port);
        browser.login(me.email(), "not the password at all");
        browser.login(me.email(), Members.PASSWORD);

        // groups: one they own, one they are in, one they asked to join, one that banned them, one that invited them
        Group own = groups.create(me, form("own", "PUBLIC", "OPEN", List.of()));
        groupJoining.join(friend, own.slug(), List.of());
        Group open = groups.create(friend, form("open", "PUBLIC", "OPEN", List.of()));
        groupJoining.join(me, open.slug(), List.of());
        Group asking = groups.create(friend, form("ask", "PUBLIC", "REQUEST", List.of("Why?")));
        groupJoining.join(me, asking.slug(), List.of("Because " + bio));
        Group banning = groups.create(moderator, form("ban", "PUBLIC", "OPEN", List.of()));
        groupJoining.join(me, banning.slug(), List.of());
        groupMembers.ban(moderator, banning.slug(), me.handle(), "rude, says " + name);
        Group inviting = groups.create(moderator, form("inv", "PUBLIC", "INVITE", List.of()));
        groupMembers.invite(moderator, inviting.slug(), me.handle());
        // a private group they left: what was written there after is not theirs to see
        Group secret = groups.create(friend, form("sec", "PRIVATE", "OPEN", List.of()));
        groupJoining.join(me, secret.slug(), List.of());
        groupJoining.leave(me, secret.slug());
        Post privateOfOthers = posts.publish(friend, secret.id(), new PostService.Draft("", "Secret plans " + word(), null));

        // posts, comments, likes, mentions by others
        Post mine = posts.publish(me, own.id(), new PostService.Draft("My hives", "I keep bees: " + bio, null));
        Post profileNote = posts.publish(me, null, new PostService.Draft("", "A profile note by me", null));
        // a photo on a post of theirs
        posts.publish(me, own.id(), new PostService.Draft("", "", null), List.of(media.upload(me.id(),
                new org.tribune.media.MediaService.Upload("hives.png", png()), "My hives in " + bio, null).id()));
        Post friendPost = posts.publish(friend, open.id(), new PostService.Draft("", "Thanks @" + me.handle() + " for the honey", null));
        Comment myComment = posts.comment(me, friendPost.id(), "You are welcome", null);
        Comment friendComment = posts.comment(friend, mine.id(), "Lovely bees, @" + me.handle(), null);
        posts.like(me, friendPost.id());
        posts.likeComment(me, friendComment.id());
        posts.like(friend, mine.id());
        posts.likeComment(friend, myComment.id());

        // follows both ways (and the notifications they make)
        follows.follow(me, friend.handle());
        follows.follow(friend, me.handle());
        db.sql("insert into notification_setting (account_id, digest) values (?, 'DAILY')").param(me.id()).update();

        // safety: a block each way and a mute each way with someone else, a word filter, reach settings
        Account pest = members.active("pe");
        safety.block(me, pest.handle());
        safety.block(pest, me.handle());
        safety.mute(me, pest.handle(), null);
        safety.mute(pest, me.handle(), null);
        filters.create(me, new org.tribune.safety.WordFilters.Request(bio, List.of("HOME", "THREADS"), "WARN", null));
        safety.setReach(me.id(), new org.tribune.safety.Reach(org.tribune.safety.Reach.Audience.FOLLOWING,
                org.tribune.safety.Reach.Audience.NOBODY, true, 7, true), null);

        // trust level 2: inviting, editing others' wiki pages and writing notes ask for it
        TrustFixture.set(trust, me.id(), TrustLevel.MEMBER);
        TrustFixture.set(trust, friend.id(), TrustLevel.MEMBER);
        // trust activity: a visit, a post opened and read (likes and replies above count too)
        reading.visited(me.id());
        reading.entered(me.id(), friendPost.id());
        reading.read(me.id(), List.of(friendPost.id()));
        reading.flush();

        // wiki: an edit of their own profile note and a talk-page message naming them. Below, a friend's edit of
        // their post "mine" makes revision 1 (CREATE, by them) a copy of its text, bio included: erasing their
        // content blanks the revisions of their posts (the only update the append-only trigger lets through).
        wiki.propose(me, Document.post(profileNote.id()), new WikiService.Proposal(
                new Content("", "A profile note by me, corrected", null, null), "typo", null));
        // in their own group: a mode they set, a friend's edit waiting for their review, a post they moved
        wiki.setGroupMode(me, own.id(), EditMode.REVIEW);
        wiki.setMode(me, Document.post(mine.id()), EditMode.REVIEW);
        WikiService.Saved waiting = wiki.propose(friend, Document.post(mine.id()), new WikiService.Proposal(
                new Content("My hives", "I keep bees, " + word(), null, null), "shorter", null));
        wiki.accept(me, Document.post(mine.id()), waiting.revision().id());
        Post moved = posts.publish(me, own.id(), new PostService.Draft("", "Honey prices " + word(), null));
        recategorisation.move(me, moved.id(), open.id(), "moved by " + name + " where it fits");
        talk.say(me, Document.post(mine.id()), "Talk by " + name + " (@" + me.handle() + ")");

        // community notes: one they wrote and one they rated
        Note myNote = notes.write(me, friendPost.id(), false, "Context from " + name + ": " + bio + " https://example.org/bees");
        notes.rate(friend, myNote.id(), Helpfulness.HELPFUL, List.of());
        Note friendNote = notes.write(friend, mine.id(), false, "About the bees " + word() + " https://example.org/hives");
        notes.rate(me, friendNote.id(), Helpfulness.SOMEWHAT, List.of());
        // the side of the factor a scoring run placed them on (a run places only raters with ten ratings: written
        // here as the run writes it)
        db.sql("insert into note_rater_factor (rater_id, factor, scored_at) values (?, ?, ?)")
                .params(me.id(), -0.42, java.sql.Timestamp.from(java.time.Instant.now())).update();

        // moderation: a flag they filed, a flag against them upheld by a moderator, their appeal, a lock, a hide
        flags.flag(me, TargetKind.POST, friendPost.id(), FlagReason.NEEDS_CONTEXT);
        flags.flag(friend, TargetKind.COMMENT, myComment.id(), FlagReason.SPAM);
        ModerationAction removal = moderation.decide(admin, TargetKind.COMMENT, myComment.id(), true, "spam",
                "spam by " + name);
        moderation.appeal(me, removal.id(), "I am " + name + " (@" + me.handle() + "), please look again");
        moderation.lock(admin, mine.id(), true, "calm down");
        Group timed = groups.create(moderator, form("tmb", "PUBLIC", "OPEN", List.of()));
        groupJoining.join(me, timed.slug(), List.of());
        moderation.ban(moderator, timed.slug(), me.handle(), 3, "conduct-1", "timed ban of " + name);
        posts.hide(profileNote.id());
        posts.share(me, friendPost.id(), open.id(), "Shared by " + name);

        // events: one they host (naming them), their place at a friend's event starting within the hour, the
        // reminder of it, their choice about reminders, and a calendar address
        Instant soon = Instant.now().plusSeconds(1800);
        events.create(me, own.slug(), new org.tribune.event.EventDraft("Hive visit with " + name, "Hosted by @" + me.handle(),
                soon, soon.plusSeconds(7200), "Europe/Paris", "The " + bio, null, 5, false));
        org.tribune.event.Event friendsEvent = events.create(friend, open.slug(), new org.tribune.event.EventDraft(
                "Honey tasting " + word(), "", soon, soon.plusSeconds(3600), "Europe/Paris", "Market hall", null, null, false));
        attendance.answer(me, friendsEvent.id(), org.tribune.event.RsvpStatus.GOING);
        eventReminders.sendDue(Instant.now());
        reminderSettings.set(me, false);
        calendars.newToken(me);

        // a shared rate-limit bucket of theirs, as a node sharing PostgreSQL keeps (H2's single node keeps them in memory)
        db.sql("insert into rate_bucket (id, tokens, refilled_at, granted, expires_at) values (?, 3, ?, true, ?)")
                .params("talk|" + me.id(), Instant.now().getEpochSecond(), Timestamp.from(Instant.now().plusSeconds(3600)))
                .update();

        // admission: an invitation they made, and waiting-list rows as a waiting donor would have
        invitations.create(me);
        db.sql("insert into admission_queue (account_id, verified_at, donor, invited) values (?, ?, true, false)")
                .params(me.id(), Timestamp.from(Instant.now())).update();
        db.sql("insert into admission_donor (account_id, marked_at) values (?, ?)").params(me.id(), Timestamp.from(Instant.now())).update();

        // donations: a card donation with its payment and the provider's event (which names the card holder)
        long donation = RANDOM.nextLong() & Long.MAX_VALUE;
        String session = "cs_test_" + word();
        db.sql("insert into donation (id, account_id, amount, currency, donation_interval, status, method, test, "
                        + "checkout_session, checkout_url, donor_name, note, idempotency_key, created_at) "
                        + "values (?, ?, 500, 'EUR', 'ONE_TIME', 'PAID', 'CARD', false, ?, ?, ?, ?, ?, ?)")
                .params(donation, me.id(), session, "https://checkout.example/" + session, name, "From " + bio,
                        "key-" + word(), Timestamp.from(Instant.now())).update();
        db.sql("insert into donation_payment (id, donation_id, reference, amount, currency, live, paid_at, paid_month) "
                        + "values (?, ?, ?, 500, 'EUR', true, ?, '2026-11')")
                .params(RANDOM.nextLong() & Long.MAX_VALUE, donation, "pi_" + word(), Timestamp.from(Instant.now())).update();
        db.sql("insert into stripe_event (id, event_type, payload, applied, received_at) values (?, ?, ?, true, ?)")
                .params("evt_" + word(), "checkout.session.completed", "{\"id\":\"" + session + "\",\"customer_details\":{\"email\":\""
                        + me.email() + "\",\"name\":\"" + name + "\"}}", Timestamp.from(Instant.now())).update();
        db.sql("insert into donor_preference (account_id, show_badge, listed) values (?, true, true)").param(me.id()).update();

        // trust (the level was set before the invitation, which asks for it)
        db.sql("insert into trust_upheld_flag (id, account_id, upheld_at) values (?, ?, ?)")
                .params(RANDOM.nextLong() & Long.MAX_VALUE, me.id(), Timestamp.from(Instant.now())).update();

        // an export of their data
        exports.request(me.id());
        ExportsDone.readyFor(exports, me.id());

        return new Person(members.reload(me), name, earlier, bio, friend, moderator, own, secret, privateOfOthers,
                friendPost, browser);
    }

    private static GroupForm form(String prefix, String visibility, String policy, List<String> questions) {
        return new GroupForm(prefix + "-" + word(), "Group " + word(), "About things", "en", visibility, policy, questions, false);
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
