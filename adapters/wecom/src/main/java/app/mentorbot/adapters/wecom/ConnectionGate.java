package app.mentorbot.adapters.wecom;

/**
 * Decides whether this bot instance may hold the AI-bot long connection. WeCom keeps only one live
 * connection per bot (a new subscription kicks the old one), so with several instances only the holder
 * of a lease connects. {@link #holdOrAcquire()} is called every check period and must both take a free
 * lease and renew one already held; false means another instance has it (or the lease store is away),
 * and the adapter then closes its connection.
 */
@FunctionalInterface
public interface ConnectionGate {

    boolean holdOrAcquire();

    /** Gives the lease up when the adapter stops, so another instance takes over at once. */
    default void release() {}

    /** For a single instance: always allowed. */
    static ConnectionGate always() {
        return () -> true;
    }

    /** The lease name for one bot: only one instance in the deployment may hold it. */
    static String leaseName(String botId) {
        return "wecom-aibot:" + botId;
    }
}
