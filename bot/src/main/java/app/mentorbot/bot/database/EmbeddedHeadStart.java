package app.mentorbot.bot.database;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded PostgreSQL as soon as the configuration is read, on a thread of its own, so it
 * boots while Spring builds the rest of the bot instead of after it (start-up time). Only the
 * {@code run} command registers it; the {@code embeddedServer} bean takes the started server.
 */
public final class EmbeddedHeadStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    private static CompletableFuture<EmbeddedServer> started;
    private static Path startedFor;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (!EmbeddedDatabaseConfig.isEmbedded(event.getEnvironment())) return;
        Path dataDir = Binder.get(event.getEnvironment()).bind("mentorbot.data-dir", Path.class).orElse(Path.of("data"));
        synchronized (EmbeddedHeadStart.class) {
            startedFor = dataDir.toAbsolutePath().normalize();
            started = CompletableFuture.supplyAsync(() -> EmbeddedServer.start(dataDir), runnable -> {
                Thread t = new Thread(runnable, "embedded-postgres-start");
                t.setDaemon(true);
                t.start();
            });
        }
    }

    /** The server started ahead for {@code dataDir}, or one started now. */
    static EmbeddedServer take(Path dataDir) {
        CompletableFuture<EmbeddedServer> ahead;
        Path aheadFor;
        synchronized (EmbeddedHeadStart.class) {
            ahead = started;
            aheadFor = startedFor;
            started = null;
        }
        if (ahead == null) return EmbeddedServer.start(dataDir);
        if (!dataDir.toAbsolutePath().normalize().equals(aheadFor)) {
            ahead.thenAccept(EmbeddedServer::close);
            return EmbeddedServer.start(dataDir);
        }
        try {
            return ahead.join();
        } catch (CompletionException e) {
            // the same failure the bean would have met starting it itself (a folder in use, say)
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** Stops a server started ahead that no bean took (the bot failed before it got that far). */
    public static void abandon() {
        CompletableFuture<EmbeddedServer> ahead;
        synchronized (EmbeddedHeadStart.class) {
            ahead = started;
            started = null;
        }
        if (ahead != null) ahead.thenAccept(EmbeddedServer::close).exceptionally(e -> null).join();
    }
}
