package org.tribune.platform.live;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tribune.platform.web.Viewer;

/** {@code GET /live}: the event stream of the signed-in person (the web chain requires sign-in). */
@Controller
class LiveController {
    private final LiveChannel channel;

    LiveController(LiveChannel channel) {
        this.channel = channel;
    }

    @GetMapping("/live")
    SseEmitter live(Viewer viewer, HttpServletResponse response) {
        if (viewer == null) {
            throw new AuthenticationCredentialsNotFoundException("sign-in required");
        }
        // Reverse proxies such as nginx buffer responses unless told not to; events must leave at once.
        response.setHeader("X-Accel-Buffering", "no");
        return channel.open(viewer.id());
    }
}
