package app.mentorbot.bot.backup;

import java.util.List;

/**
 * What a backup holds, written last into its zip as {@code manifest.json}: the format, when it was taken, the
 * Flyway schema version it was taken at, and per table its columns (in COPY order), row count and SHA-256 of the
 * COPY text; and every sequence's position, so ids issued after a restore never repeat old ones.
 */
record Manifest(int format, String createdAt, String schemaVersion, List<Table> tables, List<Sequence> sequences) {
    static final int FORMAT = 1;
    static final String ENTRY = "manifest.json";

    record Table(String name, List<String> columns, long rows, String sha256) {
        String entry() {
            return "tables/" + name + ".copy";
        }
    }

    record Sequence(String name, long lastValue, boolean called) {}
}
