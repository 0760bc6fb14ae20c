package org.tribune.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tribune.IntegrationTest;
import org.tribune.TestMail;
import org.tribune.account.Account;
import org.tribune.account.Members;
import org.tribune.client.api.AccountsApi;
import org.tribune.client.api.CommunityNotesApi;
import org.tribune.client.api.FeedsApi;
import org.tribune.client.api.GroupsApi;
import org.tribune.client.api.PostsApi;
import org.tribune.client.api.PrivacyApi;
import org.tribune.client.api.RevisionsApi;
import org.tribune.client.api.TokensApi;
import org.tribune.client.api.TrustLevelsApi;
import org.tribune.client.model.Comment;
import org.tribune.client.model.FeedEntry;
import org.tribune.client.model.Group;
import org.tribune.client.model.JoinOutcome;
import org.tribune.client.model.ListingFeedEntry;
import org.tribune.client.model.ListingPostRevision;
import org.tribune.client.model.Me;
import org.tribune.client.model.NewComment;
import org.tribune.client.model.NewGroup;
import org.tribune.client.model.NewNote;
import org.tribune.client.model.NewPost;
import org.tribune.client.model.NewToken;
import org.tribune.client.model.Note;
import org.tribune.client.model.NoteRating;
import org.tribune.client.model.PersonalData;
import org.tribune.client.model.Post;
import org.tribune.client.model.PostEdit;
import org.tribune.client.model.PostRevision;
import org.tribune.client.model.Registration;
import org.tribune.client.model.SavedPostRevision;
import org.tribune.client.model.SignUp;

/**
 * The core loop as a client author would write it, with nothing but the client generated at build time from
 * docs/openapi.json (see the pom): if the document and the server disagree, the generated code, or the contract
 * check under it, fails here. The verification link is followed as the person would, in a browser.
 */
@IntegrationTest
class ApiClientWalkTest {
    @LocalServerPort
    int port;
    @Autowired
    Members members;

    @Test
    void signUpVerifyGroupPostCommentLikeFeedEditHistoryNoteAndExport() throws Exception {
        ApiClient ana = signedUp("walkana");
        ApiClient bruno = signedUp("walkbruno");
        Me anaMe = new AccountsApi(ana).getMe();
        assertThat(anaMe.getState()).isEqualTo(Me.StateEnum.ACTIVE);

        // An administrator makes both leaders, so they may write and rate community notes.
        Account admin = members.admin("walkadmin");
        ApiClient administrator = withToken(admin.email(), Members.PASSWORD);
        TrustLevelsApi trust = new TrustLevelsApi(administrator);
        assertThat(trust.grantLeader(anaMe.getHandle()).getLevel()).isEqualTo(4);
        String brunoHandle = new AccountsApi(bruno).getMe().getHandle();
        trust.grantLeader(brunoHandle);

        String slug = "walk-" + Long.toString(System.nanoTime(), 36);
        Group group = new GroupsApi(ana).createGroup(new NewGroup().slug(slug).name("Walkers")
                .description("Where the generated client walks").visibility(NewGroup.VisibilityEnum.PUBLIC)
                .joinPolicy(NewGroup.JoinPolicyEnum.OPEN));
        assertThat(group.getSlug()).isEqualTo(slug);
        assertThat(group.getVisibility()).isEqualTo(Group.VisibilityEnum.PUBLIC);

        JoinOutcome joined = new GroupsApi(bruno).joinGroup(slug, null);
        assertThat(joined.getStatus()).isEqualTo(JoinOutcome.StatusEnum.JOINED);

        PostsApi anaPosts = new PostsApi(ana);
        Post first = anaPosts.publishInGroup(slug, new NewPost().title("Hoopoe").body("First sighting of the year!"));
        assertThat(first.getGroup().getSlug()).isEqualTo(slug);
        assertThat(first.getEditedAt()).isNull();

        PostsApi brunoPosts = new PostsApi(bruno);
        Comment comment = brunoPosts.commentOnPost(Long.parseLong(first.getId()), new NewComment().body("Lovely!"));
        assertThat(comment.getPostId()).isEqualTo(first.getId());
        assertThat(brunoPosts.likePost(Long.parseLong(first.getId())).getLikeCount()).isEqualTo(1);

        // More posts than a page: the feed is read to its end by following next.
        for (int i = 0; i < 20; i++) {
            anaPosts.publishInGroup(slug, new NewPost().body("Sighting " + i));
        }
        FeedsApi brunoFeeds = new FeedsApi(bruno);
        List<String> seen = new ArrayList<>();
        ListingFeedEntry page = brunoFeeds.homeFeed(null);
        int pages = 1;
        while (true) {
            page.getItems().stream().map(FeedEntry::getPost).map(Post::getId).forEach(seen::add);
            if (page.getNext() == null) {
                break;
            }
            page = brunoFeeds.homeFeed(Long.parseLong(page.getNext()));
            pages++;
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(seen).doesNotHaveDuplicates().contains(first.getId()).hasSizeGreaterThanOrEqualTo(21);
        ListingFeedEntry groupPage = brunoFeeds.listGroupPosts(slug, null);
        assertThat(groupPage.getNext()).isNotNull();
        ListingFeedEntry older = brunoFeeds.listGroupPosts(slug, Long.parseLong(groupPage.getNext()));
        assertThat(older.getItems()).extracting(e -> e.getPost().getId()).containsExactly(first.getId());
        assertThat(older.getItems().getFirst().getPost().getLikeCount()).isEqualTo(1);
        assertThat(older.getItems().getFirst().getPost().getCommentCount()).isEqualTo(1);

        RevisionsApi anaRevisions = new RevisionsApi(ana);
        long firstId = Long.parseLong(first.getId());
        String base = anaRevisions.listPostRevisions(firstId, null).getItems().getFirst().getId();
        SavedPostRevision edited = anaRevisions.editPost(firstId, new PostEdit().title("Hoopoe")
                .body("First sighting of the year, at dawn!").summary("when").baseRevisionId(base));
        assertThat(edited.getLive()).isTrue();
        ListingPostRevision history = new RevisionsApi(bruno).listPostRevisions(firstId, null);
        assertThat(history.getItems()).extracting(PostRevision::getNumber).containsExactly(2, 1);
        assertThat(history.getItems().getFirst().getContent().getBody()).isEqualTo("First sighting of the year, at dawn!");
        assertThat(new PostsApi(bruno).getPost(firstId).getEditedAt()).isNotNull();

        Note note = new CommunityNotesApi(bruno).writeNote(firstId, new NewNote()
                .classification(NewNote.ClassificationEnum.NOT_MISLEADING)
                .body("Hoopoes are back in March: https://example.org/hoopoe-migration"));
        assertThat(note.getMine()).isTrue();
        Note rated = new CommunityNotesApi(ana).rateNote(Long.parseLong(note.getId()), new NoteRating()
                .helpfulness(NoteRating.HelpfulnessEnum.HELPFUL).tags(List.of("clear", "good-sources")));
        assertThat(rated.getMyRating()).isEqualTo(Note.MyRatingEnum.HELPFUL);

        PersonalData data = new PrivacyApi(ana).exportMyData();
        assertThat(data.getCategories()).isNotEmpty();
        assertThat(data.getCategories()).anySatisfy(c -> assertThat(c.getCount()).isPositive());

        // What the document says is refused is refused, as a problem the client can read.
        assertThatThrownBy(() -> new GroupsApi(bruno).createGroup(new NewGroup().slug(slug).name("Again")))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    assertThat(((ApiException) e).getCode()).isEqualTo(400);
                    assertThat(((ApiException) e).getResponseBody()).contains("\"field\":\"slug\"");
                });
    }

    private ApiClient signedUp(String prefix) throws Exception {
        String handle = Members.uniqueHandle(prefix);
        String email = Members.emailOf(handle);
        Registration registration = new AccountsApi(client()).signUp(new SignUp().handle(handle).email(email)
                .password(Members.PASSWORD).locale(SignUp.LocaleEnum.EN));
        assertThat(registration.getState()).isEqualTo(Registration.StateEnum.UNVERIFIED);
        verify(TestMail.await(email).token("/verify"));
        return withToken(email, Members.PASSWORD);
    }

    private ApiClient withToken(String email, String password) throws ApiException {
        String token = new TokensApi(client()).createToken(new NewToken().email(email).password(password)
                .name("walk")).getToken();
        ApiClient client = client();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.setHttpClientBuilder(ContractCheckingHttpClient.builder());
        client.updateBaseUri("http://localhost:" + port);
        return client;
    }

    /** The verification link of the mail, opened as in a browser (it is a page, not part of the API). */
    private void verify(String token) throws IOException, InterruptedException {
        URI link = URI.create("http://localhost:" + port + "/verify?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
    }
}
