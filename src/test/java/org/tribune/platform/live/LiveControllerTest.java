package org.tribune.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tribune.platform.web.Viewer;

/**
 * Where the connection cannot be handed over (HTTP/2, or a container without upgrades), the stream stays an open
 * asynchronous request and still carries the events. The hand-over itself is proved over real HTTP in
 * {@link LiveChannelTest}.
 */
class LiveControllerTest {

    static Viewer viewer(long id) {
        Viewer viewer = mock(Viewer.class);
        when(viewer.id()).thenReturn(id);
        return viewer;
    }

    static String body(MockHttpServletResponse response) {
        return new String(response.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    MockHttpServletResponse openOver(String protocol, LiveChannel channel) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/live");
        request.setProtocol(protocol);
        request.setAsyncSupported(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new LiveController(channel).live(viewer(7), request, response);
        return response;
    }

    @Test
    void overHttp2TheRequestStaysOpenAndCarriesTheEvents() throws Exception {
        LiveChannel channel = LiveChannelLimitTest.channel();
        MockHttpServletResponse response = openOver("HTTP/2.0", channel);

        assertThat(response.getContentType()).startsWith("text/event-stream");
        assertThat(response.getHeader("Connection")).isNull(); // a connection header is not allowed in HTTP/2
        assertThat(response.isCommitted()).isTrue();
        assertThat(channel.streams(7)).singleElement().isInstanceOf(AsyncStream.class);

        channel.send(7, "feed", Map.of("post", "42"));
        LiveChannelLimitTest.await(() -> body(response).endsWith("event:feed\ndata:{\"post\":\"42\"}\n\n"));
        assertThat(response.getContentAsString()).startsWith("retry:5000\n:open\n\n");

        channel.streams(7).getFirst().close();
        assertThat(channel.connections(7)).isZero();
    }

    @Test
    void whenTheContainerCannotHandTheConnectionOverTheRequestStaysOpen() throws Exception {
        LiveChannel channel = LiveChannelLimitTest.channel();
        MockHttpServletResponse response = openOver("HTTP/1.1", channel); // the mock refuses upgrades

        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(channel.streams(7)).singleElement().isInstanceOf(AsyncStream.class);
        channel.send(7, "notification", Map.of("unread", 3));
        LiveChannelLimitTest.await(() -> body(response).endsWith("event:notification\ndata:{\"unread\":3}\n\n"));
    }
}
