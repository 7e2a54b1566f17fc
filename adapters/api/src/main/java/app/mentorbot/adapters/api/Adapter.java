package app.mentorbot.adapters.api;

/**
 * One messaging platform. The bot starts it with a context, it hands inbound messages to the sink
 * and sends what the outbox gives it. Adapters know nothing of the roster, records or dialogue.
 */
public interface Adapter {

    /** The platform name stored beside every message, e.g. "webchat". */
    String platform();

    void start(AdapterContext context);

    /** Attempts one delivery; must not throw for platform trouble, it answers with a {@link Delivery}. */
    Delivery send(OutboundMessage message);

    default void stop() {}
}
