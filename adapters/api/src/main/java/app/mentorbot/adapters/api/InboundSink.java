package app.mentorbot.adapters.api;

/**
 * Where an adapter hands what it received. Returns quickly (the work happens elsewhere) once the
 * message is safe: an adapter acknowledges the platform right after this call, and if it throws, does
 * not acknowledge, so the platform delivers the message again.
 */
@FunctionalInterface
public interface InboundSink {
    void accept(InboundMessage message);
}
