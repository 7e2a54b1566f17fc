package app.mentorbot.bot.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

import app.mentorbot.bot.demo.Modes;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A signed page link is not a bearer token: it opens in its viewer's signed-in browser only
 * ({@link WebDevices#openPage}). Opened in a browser with no sign-in (a teacher tapping it in DingTalk for
 * the first time) it binds that browser, once; forwarded to anyone else, or made before its viewer was
 * signed out, it is refused. Links that are not validly signed pass through to the page, which refuses
 * them itself. A form posted to a page's link (a move on the pairing page) must come from a browser already signed in as
 * the viewer. In demo mode (the example school only) a link is enough.
 */
@Configuration(proxyBeanMethods = false)
class PageLinkGate implements HandlerInterceptor, WebMvcConfigurer {
    private final SignedLinks links;
    private final WebDevices devices;
    private final Modes modes;

    PageLinkGate(SignedLinks links, WebDevices devices, Modes modes) {
        this.links = links;
        this.devices = devices;
        this.modes = modes;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/pages/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        Optional<SignedLinks.Page> page = SignedLinks.Page.of(request.getRequestURI());
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (page.isEmpty() || vars == null || vars.size() != 1 || modes.demo()) return true;
        String viewer = request.getParameter("viewer");
        String exp = request.getParameter("exp");
        String sig = request.getParameter("sig");
        if (!links.valid(page.get(), viewer, vars.values().iterator().next(), exp, sig)) return true;
        Cookie cookie = WebUtils.getCookie(request, WebDevices.COOKIE);
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            // a change (the pairing page's moves) comes only from a browser already the viewer's: it never binds one
            if (cookie != null && devices.isViewersBrowser(viewer, cookie.getValue())) return true;
            refuse(response, "refuse.otherViewer");
            return false;
        }
        WebDevices.PageOpening opening = devices.openPage(sig, viewer, SignedLinks.issuedAt(exp), cookie == null ? null : cookie.getValue());
        if (opening instanceof WebDevices.PageOpening.Viewer v) {
            if (v.newKey() != null) response.addHeader(HttpHeaders.SET_COOKIE, devices.cookie(v.newKey(), request).toString());
            return true;
        }
        refuse(response, opening instanceof WebDevices.PageOpening.OtherPerson ? "refuse.otherViewer" : "refuse.linkSpent");
        return false;
    }

    private static void refuse(HttpServletResponse response, String key) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getOutputStream().write(PageHtml.refusal(key).getBytes(StandardCharsets.UTF_8));
    }
}
