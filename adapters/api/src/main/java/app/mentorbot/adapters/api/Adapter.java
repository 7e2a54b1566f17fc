package app.mentorbot.adapters.api;

import java.util.Optional;

/**
 * One messaging platform. The bot starts it with a context, it hands inbound messages to the sink
 * and sends what the outbox gives it. Adapters know nothing of the roster, records or dialogue.
 *
 * <p>Chat ids are the adapter's own, with one rule: a person's one-to-one chat id is their platform
 * user id (the value bound in the identity table), so the bot can push to a person. Group chats may
 * use any other form (a prefix is usual).
 */
public interface Adapter {

    /** The platform name stored beside every message, e.g. "webchat". */
    String platform();

    void start(AdapterContext context);

    /** Attempts one delivery; must not throw for platform trouble, it answers with a {@link Delivery}. */
    Delivery send(OutboundMessage message);

    /** The platform's send rate limit, if it has one the outbox should respect. */
    default Optional<RateLimit> rateLimit() {
        return Optional.empty();
    }

    /**
     * True when the adapter signs people in itself and uses their roster ids as sender and one-to-one chat
     * ids (the built-in web chat): the bot then takes a sender id as the person, and reaches a person with
     * no platform binding here.
     */
    default boolean signsInRosterPeople() {
        return false;
    }

    /**
     * True when the sender's own client sends again whatever the bot has not confirmed, so the bot need
     * not keep an acknowledged message on disk before handling it.
     */
    default boolean resendsUnconfirmed() {
        return false;
    }

    /**
     * Whether the adapter's lasting connection to its platform is up now, for the operator's health page; empty
     * for an adapter that keeps none (webhooks, the built-in web chat).
     */
    default Optional<Boolean> connectionUp() {
        return Optional.empty();
    }

    default void stop() {}
}
