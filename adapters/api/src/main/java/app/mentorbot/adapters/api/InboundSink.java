package app.mentorbot.adapters.api;

/**
 * Where an adapter hands what it received. Returns at once (the work happens elsewhere), so an
 * adapter can acknowledge the platform right after this call.
 */
@FunctionalInterface
public interface InboundSink {
    void accept(InboundMessage message);
}
