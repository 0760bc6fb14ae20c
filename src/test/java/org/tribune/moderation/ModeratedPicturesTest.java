package org.tribune.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.WebClient;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.account.Role;
import org.tribune.media.MediaService;
import org.tribune.media.Picture;
import org.tribune.media.TestPictures;
import org.tribune.platform.Conflict;
import org.tribune.post.Comment;
import org.tribune.post.Post;
import org.tribune.post.PostService;

/**
 * A moderator's removal hides a post's pictures while it may be appealed, deletes their files once the removal is
 * final (appeal window over, or appeal rejected), and gives them back when an appeal is granted.
 */
@IntegrationTest
class ModeratedPicturesTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    PostService posts;
    @Autowired
    ModerationService moderation;
    @Autowired
    MediaService media;
    @Autowired
    Clock clock;
    @Value("${tribune.data-dir}")
    String dataDir;

    private Picture picture(Account owner, String description) {
        return media.upload(owner.id(), new MediaService.Upload("photo.png", TestPictures.png(900, 600)), description, null);
    }

    private Post postWith(Account author, Picture picture) {
        return posts.publish(author, null, new PostService.Draft("", "A photo", null), List.of(picture.id()));
    }

    private WebClient signedIn(Account account) {
        WebClient browser = new WebClient(port);
        browser.login(account.email(), Members.PASSWORD);
        return browser;
    }

    private int status(WebClient client, Picture picture) {
        return client.getBytes("/media/" + picture.id() + "/400.jpg").status();
    }

    @Test
    void aRemovedPostsPicturesStayHiddenWhileItMayBeAppealedThenLeaveTheStorage() {
        Account author = members.active("modpic");
        Account moderator = members.withRole("modpicm", Role.MODERATOR);
        Picture picture = picture(author, "A beach");
        Post post = postWith(author, picture);
        WebClient visitor = new WebClient(port);
        WebClient authors = signedIn(author);
        WebClient moderators = signedIn(moderator);
        assertThat(status(visitor, picture)).isEqualTo(200);

        ModerationAction removed = moderation.remove(moderator, TargetKind.POST, post.id(), "spam", "");
        moderation.finishRemovals(clock.instant().plus(Duration.ofDays(13)));
        assertThat(stored(picture)).as("files during the appeal window").hasSize(6);
        assertThat(status(visitor, picture)).isEqualTo(404);
        assertThat(status(authors, picture)).as("its author, who may appeal").isEqualTo(200);
        assertThat(status(moderators, picture)).isEqualTo(200);
        assertThat(moderation.aboutMe(author)).filteredOn(a -> a.action().id() == removed.id())
                .singleElement().matches(ModerationService.AboutMe::mayAppeal);

        moderation.finishRemovals(clock.instant().plus(Duration.ofDays(15)));
        assertThat(stored(picture)).as("files once the removal is final").isEmpty();
        assertThat(media.one(picture.id())).isEmpty();
        assertThat(status(visitor, picture)).isEqualTo(404);
        assertThat(status(authors, picture)).isEqualTo(404);
        assertThat(status(moderators, picture)).isEqualTo(404);
        assertThat(moderators.getBytes("/media/" + picture.id() + "/placeholder.png").status()).isEqualTo(404);
        assertThat(posts.isHidden(post.id())).as("the post itself stays hidden").isTrue();
        assertThat(moderation.aboutMe(author)).filteredOn(a -> a.action().id() == removed.id())
                .singleElement().matches(a -> !a.mayAppeal());
        assertThatThrownBy(() -> moderation.appeal(author, removed.id(), "Too late?")).isInstanceOf(Conflict.class);
    }

    @Test
    void aRejectedAppealDeletesTheRemovedCommentsPictureAtOnce() {
        Account author = members.active("modpicc");
        Account first = members.withRole("modpicf", Role.MODERATOR);
        Account second = members.withRole("modpics", Role.MODERATOR);
        Post post = posts.publish(author, null, new PostService.Draft("", "Thread", null));
        Picture kept = picture(author, "Kept");
        Comment fine = posts.comment(author, post.id(), "Fine", null, List.of(kept.id()), null);
        Picture picture = picture(author, "A reply's picture");
        Comment reply = posts.comment(author, post.id(), "", fine.id(), List.of(picture.id()), null);

        ModerationAction removed = moderation.remove(first, TargetKind.COMMENT, reply.id(), "spam", "");
        Appeal appeal = moderation.appeal(author, removed.id(), "It was a joke.");
        assertThat(stored(picture)).as("files while the appeal waits").hasSize(6);
        moderation.finishRemovals(clock.instant().plus(Duration.ofDays(30)));
        assertThat(stored(picture)).as("an appealed removal waits for its decision").hasSize(6);

        moderation.decideAppeal(second, appeal.id(), false, "Not a joke");
        assertThat(stored(picture)).isEmpty();
        assertThat(status(signedIn(author), picture)).isEqualTo(404);
        assertThat(stored(kept)).as("the other comment's picture").hasSize(6);
        assertThat(status(new WebClient(port), kept)).isEqualTo(200);
    }

    @Test
    void aGrantedAppealBringsThePicturesBack() {
        Account author = members.active("modpicg");
        Account first = members.withRole("modpicg1", Role.MODERATOR);
        Account second = members.withRole("modpicg2", Role.MODERATOR);
        Picture picture = picture(author, "Satire");
        Post post = postWith(author, picture);
        ModerationAction removed = moderation.remove(first, TargetKind.POST, post.id(), "spam", "");
        Appeal appeal = moderation.appeal(author, removed.id(), "It is satire.");
        WebClient visitor = new WebClient(port);
        assertThat(status(visitor, picture)).isEqualTo(404);

        moderation.decideAppeal(second, appeal.id(), true, "Satire is allowed");
        moderation.finishRemovals(clock.instant().plus(Duration.ofDays(30)));
        assertThat(stored(picture)).hasSize(6);
        assertThat(status(visitor, picture)).isEqualTo(200);
    }

    /** The picture's files found in the storage of the test run (the data directory), as the erasure test searches. */
    private List<Path> stored(Picture picture) {
        Path root = Path.of(dataDir, "media");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().startsWith(picture.id())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
