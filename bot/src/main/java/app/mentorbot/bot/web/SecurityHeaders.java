package app.mentorbot.bot.web;

import java.io.IOException;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import app.mentorbot.adapters.webchat.WebChatAdapter;
import app.mentorbot.bot.settings.BotSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every answer, in this one place rather than in each controller: the
 * {@link ContentPolicy}, no framing (its {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY} for
 * older browsers), no MIME sniffing, no Referer to follow a link out of a page about a child. They are set before
 * the request is handled, so redirects, refusals and error pages carry them, and set again on the container's
 * error dispatch.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeaders extends OncePerRequestFilter {
    private final String policy;

    SecurityHeaders(WebChatAdapter webChat, BotSettings settings) {
        // The refusal pages share one template, and so do the record, digest, growth-file and summary pages.
        this.policy = ContentPolicy.of(List.of(webChat.chatPage(), webChat.refusalPage(WebChatAdapter.Refusal.INVITATION_REQUIRED),
                PageHtml.head(""), OverviewHtml.WIDE), settings.publicUrl());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        set(response);
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        set(response);
        chain.doFilter(request, response);
    }

    private void set(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
