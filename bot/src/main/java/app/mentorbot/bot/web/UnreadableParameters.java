package app.mentorbot.bot.web;

import java.io.IOException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A query Tomcat cannot read (a parameter without a name, broken %-escapes) is the client's mistake:
 * 400, quietly, instead of an exception that escapes the servlet and is logged at ERROR with its stack
 * for every such request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableParameters extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!unreadable(e) || response.isCommitted()) throw e;
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private static boolean unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidParameterException) return true;
        }
        return false;
    }
}
