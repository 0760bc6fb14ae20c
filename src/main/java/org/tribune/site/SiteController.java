package org.tribune.site;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.tribune.platform.web.Viewer;

@Controller
class SiteController {

    /** Visitors learn what Tribune is; members land on their home. */
    @GetMapping("/")
    String home(HttpServletRequest request) {
        return request.getAttribute(Viewer.ATTRIBUTE) == null ? "site/welcome" : "site/home";
    }

    @GetMapping("/conduct")
    String conduct() {
        return "site/conduct";
    }
}
