package org.tribune.platform.live;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.tribune.platform.web.Viewer;

/** {@code GET /live}: the event stream of the signed-in person (the web chain requires sign-in). */
@Controller
class LiveController {
    private final LiveChannel channel;

    LiveController(LiveChannel channel) {
        this.channel = channel;
    }

    /**
     * Sends the response headers and the stream's first bytes at once, then hands the connection over to an
     * {@link UpgradedStream} (HTTP/1.1), which keeps a few KiB per open page where an open servlet request keeps
     * over a hundred; elsewhere (HTTP/2) the request stays open asynchronously.
     */
    @GetMapping("/live")
    void live(Viewer viewer, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (viewer == null) {
            throw new AuthenticationCredentialsNotFoundException("sign-in required");
        }
        // Counted before the response leaves: an event sent once the page has its response reaches it.
        Connection connection = channel.open(viewer.id());
        try {
            boolean handOver = "HTTP/1.1".equals(request.getProtocol());
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            // Reverse proxies such as nginx buffer responses unless told not to; events must leave at once.
            response.setHeader("X-Accel-Buffering", "no");
            if (handOver) {
                // The body is whatever follows until the connection ends: no chunked encoding for Tomcat to finish.
                response.setHeader("Connection", "close");
            }
            response.getOutputStream().write(LiveChannel.OPENING);
            response.flushBuffer();
            if (handOver) {
                try {
                    request.upgrade(UpgradedStream.class).whenOpen(connection::attach);
                    return;
                } catch (ServletException | UnsupportedOperationException notHere) {
                    // keep the request open instead
                }
            }
            connection.attach(AsyncStream.start(request, response));
        } catch (IOException | RuntimeException failed) {
            connection.close();
            throw failed;
        }
    }
}
