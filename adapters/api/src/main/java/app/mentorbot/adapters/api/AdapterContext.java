package app.mentorbot.adapters.api;

import java.util.List;

/** What the bot gives an adapter when it starts. */
public interface AdapterContext {

    InboundSink sink();

    /** Tells the outbox that a chat is reachable again, so waiting messages go out now. */
    void reachable(String platform, String chatId);

    /** The last days of one chat as the bot holds them, oldest first (for a page opened again); none by default. */
    default List<PastMessage> history(String platform, String chatId) {
        return List.of();
    }
}
