package app.mentorbot.adapters.webchat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides who is opening a chat socket from its query parameters ({@code as} in demo mode, a signed
 * {@code token} otherwise). Empty means the socket is refused. Supplied by the bot, which knows the mode
 * and the signing key.
 */
@FunctionalInterface
public interface WebChatAccess {
    Optional<String> personFor(Map<String, List<String>> parameters);
}
