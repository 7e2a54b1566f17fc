package app.mentorbot.conversations.dialogue;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database for tests of paths that must not touch one: any statement fails the test with its SQL.
 * Stores built on it can be handed to a class whose tested path never calls them.
 */
final class NoDatabase {
    static final JdbcClient JDBC = sql -> {
        throw new AssertionError("this path was not expected to use the database: " + sql);
    };

    private NoDatabase() {}
}
