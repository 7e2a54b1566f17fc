package app.mentorbot.bot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL per test run, a fresh database per test class. By default it is the same
 * embedded binaries the bot uses; set MENTORBOT_TEST_DATABASE_URL (a jdbc:postgresql:// URL to a
 * server, with MENTORBOT_TEST_DATABASE_USER / _PASSWORD) to use a running server instead.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;

    private record Server(String baseUrl, String user, String password) {}

    private TestDatabase() {}

    /** A new, empty database; its JDBC URL. */
    public static String newDatabase() {
        Server s = server();
        String name = "mentorbot_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.baseUrl() + "postgres", s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return s.baseUrl() + name;
    }

    public static String user() {
        return server().user();
    }

    public static String password() {
        return server().password();
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestDatabase.class) {
                s = server;
                if (s == null) {
                    s = start();
                    server = s;
                }
            }
        }
        return s;
    }

    private static Server start() {
        String url = System.getenv("MENTORBOT_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            String base = url.substring(0, url.lastIndexOf('/') + 1);
            String user = System.getenv().getOrDefault("MENTORBOT_TEST_DATABASE_USER", "postgres");
            return new Server(base, user, System.getenv().getOrDefault("MENTORBOT_TEST_DATABASE_PASSWORD", ""));
        }
        try {
            // many test classes keep a Spring context (and its connection pool) cached: more than the default 100 connections
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "400").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the run is over
                }
            }));
            return new Server("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
    }
}
