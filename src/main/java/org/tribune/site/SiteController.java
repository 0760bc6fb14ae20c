package org.tribune.site;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Public pages that belong to no feature: the code of conduct. The home page is the feed's. */
@Controller
class SiteController {

    @GetMapping("/conduct")
    String conduct() {
        return "site/conduct";
    }
}
