package org.tribune.trust;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tribune.platform.web.Viewer;

/**
 * Every page a signed-in person sees counts a day visited and, by the gap since their previous page, time spent
 * reading. Only pages count: redirects, form posts, JSON and polling (e.g. "N new posts") do not, so a tab left
 * open does not read on its own.
 */
@Component
class PageViews implements HandlerInterceptor, WebMvcConfigurer {
    private final ReadingLog log;

    PageViews(ReadingLog log) {
        this.log = log;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || !"GET".equals(request.getMethod()) || response.getStatus() >= 300) {
            return;
        }
        String name = view.getViewName();
        if (name != null && (name.startsWith("redirect:") || name.startsWith("forward:"))) {
            return;
        }
        if (request.getAttribute(Viewer.ATTRIBUTE) instanceof Viewer viewer) {
            log.visited(viewer.id());
        }
    }
}
