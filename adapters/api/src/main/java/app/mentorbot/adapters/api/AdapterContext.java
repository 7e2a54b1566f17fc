package app.mentorbot.adapters.api;

/** What the bot gives an adapter when it starts. */
public interface AdapterContext {

    InboundSink sink();

    /** Tells the outbox that a chat is reachable again, so waiting messages go out now. */
    void reachable(String platform, String chatId);
}
