package app.mentorbot.adapters.webchat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides who is opening a chat socket ({@code as} in demo mode, a device cookie otherwise). Empty means
 * the socket is refused. Supplied by the bot, which knows the mode and who holds which device.
 */
@FunctionalInterface
public interface WebChatAccess {
    Optional<String> personFor(Handshake handshake);

    /**
     * What the opening request carried: its query parameters, and its cookies when the page that opened
     * the socket is our own (a page on another site gets none, so it cannot ride on a signed-in browser).
     */
    record Handshake(Map<String, List<String>> parameters, Map<String, String> cookies) {}
}
