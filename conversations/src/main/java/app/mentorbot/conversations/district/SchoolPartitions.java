package app.mentorbot.conversations.district;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * LIST partitioning by school of the two tables that grow with every school's every day: {@code record} (each note,
 * the table every ledger, digest and page reads) and {@code relay_message} (each message between a family and a
 * mentor). Both are append-mostly; nothing points at relay_message, and every foreign key to record carries
 * school_id since V20. The inbound messages and the outbox stay whole: their keys are a platform's message id and a
 * delivery queue across schools, which a school-partitioned table could not keep unique or scan once.
 *
 * <p>{@link #partition} turns a plain table into a partitioned one, in the caller's transaction: the foreign keys
 * pointing at it are dropped, the table renamed, an empty partitioned parent made in its place with the same columns,
 * checks, indexes and foreign keys (a unique key without school_id becomes a plain index: ids come from one sequence),
 * a partition made for every school and a DEFAULT one for rows of a school not yet given its own; the rows of every
 * school but the largest are copied into the parent and deleted from the old table, which is then attached, behind a
 * CHECK so the attach does not scan it, as the largest school's partition; the foreign keys come back pointing at the
 * parent. A single school's database moves no row. Run again, it only adds the partitions of schools that have none
 * ({@link #ensureSchools}), moving their rows out of the DEFAULT partition if they reached it first.
 */
public final class SchoolPartitions {
    /** The tables partitioned, in order. */
    public static final List<String> TABLES = List.of("record", "relay_message");

    /** What a run did: the tables it converted, the partitions it made, the rows it moved between tables. */
    public record Outcome(List<String> converted, int partitionsMade, long rowsMoved) {
        public boolean changedNothing() {
            return converted.isEmpty() && partitionsMade == 0 && rowsMoved == 0;
        }
    }

    private final JdbcClient jdbc;

    public SchoolPartitions(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /** True when the record table is partitioned (the step ran). */
    public boolean partitioned() {
        return isPartitioned("record");
    }

    public int schools() {
        return jdbc.sql("select count(*) from school").query(Integer.class).single();
    }

    /** Partitions every table of {@link #TABLES} not yet partitioned, and gives every school its partitions. Run it in one transaction. */
    public Outcome partition() {
        List<String> converted = new ArrayList<>();
        long moved = 0;
        int made = 0;
        for (String table : TABLES) {
            execute("lock table " + table + " in access exclusive mode"); // a second instance waits here, then finds it done
            if (isPartitioned(table)) continue;
            Conversion c = convert(table);
            converted.add(table);
            moved += c.moved();
            made += c.made();
        }
        Outcome more = ensureSchools();
        return new Outcome(List.copyOf(converted), made + more.partitionsMade(), moved + more.rowsMoved());
    }

    /** Gives every school without one its partition of each partitioned table. Nothing on a database not partitioned. */
    public Outcome ensureSchools() {
        int made = 0;
        long moved = 0;
        for (String school : jdbc.sql("select id from school order by id").query(String.class).list()) {
            Outcome o = ensureSchool(school);
            made += o.partitionsMade();
            moved += o.rowsMoved();
        }
        return new Outcome(List.of(), made, moved);
    }

    /**
     * Gives one school (its row may not exist yet) its partition of each partitioned table that has none. Creating a
     * partition locks the whole table until the transaction ends: run it in a short transaction of its own.
     */
    public Outcome ensureSchool(String school) {
        int made = 0;
        long moved = 0;
        for (String table : TABLES) {
            String name = partitionName(table, school);
            if (!isPartitioned(table) || exists(name)) continue;
            moved += addPartition(table, school, name);
            made++;
        }
        return new Outcome(List.of(), made, moved);
    }

    /** After a school row is written: its partitions, when the database is partitioned (a cheap catalogue read otherwise). */
    public static void forNewSchool(JdbcClient jdbc, String school) {
        SchoolPartitions p = new SchoolPartitions(jdbc);
        if (p.partitioned()) p.ensureSchool(school);
    }

    /** A school's partition of a table: the school id itself when it is a plain lowercase name, else a hash of it. */
    static String partitionName(String table, String school) {
        String suffix = school.matches("[a-z0-9_]{1,30}") ? school : "h" + sha(school).substring(0, 16);
        return table + "_s_" + suffix;
    }

    private record Conversion(int made, long moved) {}

    private record Constraint(String table, String name, String type, String definition) {}

    private Conversion convert(String table) {
        List<Constraint> pointing = jdbc.sql("select conrelid::regclass::text, conname, contype::text, pg_get_constraintdef(oid) from pg_constraint "
                        + "where confrelid = ?::regclass and contype = 'f' and conrelid <> confrelid and conparentid = 0 order by conname")
                .param(table).query((rs, n) -> new Constraint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        List<Constraint> own = jdbc.sql("select conrelid::regclass::text, conname, contype::text, pg_get_constraintdef(oid) from pg_constraint "
                        + "where conrelid = ?::regclass and contype in ('p', 'u', 'f') and conparentid = 0 order by contype, conname")
                .param(table).query((rs, n) -> new Constraint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        List<String> indexes = jdbc.sql("select pg_get_indexdef(i.indexrelid) from pg_index i where i.indrelid = ?::regclass "
                        + "and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid) order by i.indexrelid")
                .param(table).query(String.class).list();
        List<String> serials = jdbc.sql("select column_name from information_schema.columns where table_schema = current_schema() "
                        + "and table_name = ? and column_default like 'nextval(%'").param(table).query(String.class).list();
        List<String> schools = jdbc.sql("select s.id from school s left join (select school_id, count(*) as n from " + table
                        + " group by school_id) c on c.school_id = s.id order by coalesce(c.n, 0) desc, s.id")
                .query(String.class).list(); // one scan, the largest school first
        String largest = schools.isEmpty() ? null : schools.get(0);

        for (Constraint k : pointing) execute("alter table " + k.table() + " drop constraint " + quote(k.name()));
        String old = largest == null ? table + "_unpartitioned" : partitionName(table, largest);
        execute("alter table " + table + " rename to " + old);
        List<String> oldIndexes = jdbc.sql("select indexrelid::regclass::text from pg_index where indrelid = ?::regclass order by indexrelid")
                .param(old).query(String.class).list();
        for (int i = 0; i < oldIndexes.size(); i++) execute("alter index " + oldIndexes.get(i) + " rename to " + old + "_old" + i);

        execute("create table " + table + " (like " + old + " including defaults including constraints including storage) partition by list (school_id)");
        for (String column : serials) {
            String sequence = jdbc.sql("select pg_get_serial_sequence(?, ?)").params(old, column).query(String.class).single();
            if (sequence != null) execute("alter sequence " + sequence + " owned by " + table + "." + column);
        }
        boolean keyed = false;
        for (Constraint k : own) {
            boolean bySchool = k.definition().matches("(?s)(PRIMARY KEY|UNIQUE) \\(school_id,.*");
            if (k.type().equals("f")) {
                execute("alter table " + table + " add constraint " + quote(k.name()) + " " + k.definition());
            } else if (bySchool) {
                // the first unique key led by school_id is the parent's primary key (a GROUP BY on it may name other columns)
                execute("alter table " + table + " add constraint " + quote(k.name()) + " " + (keyed ? k.definition()
                        : k.definition().replaceFirst("^UNIQUE", "PRIMARY KEY")));
                keyed = true;
            } else {
                String columns = k.definition().replaceFirst("^(PRIMARY KEY|UNIQUE) ", "");
                execute("create index " + quote(table + "_" + columns.replaceAll("[^a-z0-9_]+", "_").replaceAll("^_|_$", "") + "_lookup")
                        + " on " + table + " " + columns);
            }
        }
        for (String index : indexes) execute(index.replaceFirst(" ON (ONLY )?\\S+ ", " ON " + table + " "));

        int made = 0;
        for (String school : schools) {
            if (school.equals(largest)) continue;
            execute("create table " + partitionName(table, school) + " partition of " + table + " for values in (" + literal(school) + ")");
            made++;
        }
        execute("create table " + table + "_default partition of " + table + " default");
        long moved = 0;
        if (largest != null) {
            moved = jdbc.sql("insert into " + table + " select * from " + old + " where school_id <> ?").param(largest).update();
            jdbc.sql("delete from " + old + " where school_id <> ?").param(largest).update();
            // its key on id alone would be a second primary key beside the parent's (school_id, id); its foreign keys
            // come back as the parent's (PostgreSQL 17 fails to match a partition's own foreign key to a partitioned table)
            for (String k : jdbc.sql("select conname from pg_constraint where conrelid = ?::regclass and conparentid = 0 and (contype = 'f' or contype in ('p', 'u') "
                    + "and pg_get_constraintdef(oid) !~ '^(PRIMARY KEY|UNIQUE) \\(school_id,')").param(old).query(String.class).list()) {
                execute("alter table " + old + " drop constraint " + quote(k));
            }
            execute("alter table " + old + " add constraint " + old + "_school check (school_id is not null and school_id = " + literal(largest) + ")");
            execute("alter table " + table + " attach partition " + old + " for values in (" + literal(largest) + ")");
            execute("alter table " + old + " drop constraint " + old + "_school");
            made++;
        } else {
            execute("drop table " + old);
        }
        dropLeftovers(largest == null ? null : old);
        for (Constraint k : pointing) execute("alter table " + k.table() + " add constraint " + quote(k.name()) + " " + k.definition());
        return new Conversion(made, moved);
    }

    /** The old table's own keys and indexes that match none of the parent's (its key on id alone): they go. */
    private void dropLeftovers(String partition) {
        if (partition == null) return;
        for (String k : jdbc.sql("select conname from pg_constraint where conrelid = ?::regclass and contype in ('p', 'u', 'f') and conparentid = 0")
                .param(partition).query(String.class).list()) {
            execute("alter table " + partition + " drop constraint " + quote(k));
        }
        for (String i : jdbc.sql("select i.indexrelid::regclass::text from pg_index i where i.indrelid = ?::regclass "
                        + "and not exists (select 1 from pg_inherits h where h.inhrelid = i.indexrelid)")
                .param(partition).query(String.class).list()) {
            execute("drop index " + i);
        }
    }

    /** A school's own partition; rows of it in the DEFAULT partition move in first. Returns the rows moved. */
    private long addPartition(String table, String school, String name) {
        String fallback = table + "_default";
        boolean waiting = exists(fallback)
                && jdbc.sql("select exists (select 1 from " + fallback + " where school_id = ?)").param(school).query(Boolean.class).single();
        if (!waiting) {
            execute("create table " + name + " partition of " + table + " for values in (" + literal(school) + ")");
            return 0;
        }
        execute("create table " + name + " (like " + table + " including defaults including constraints including storage)");
        long moved = jdbc.sql("insert into " + name + " select * from " + fallback + " where school_id = ?").param(school).update();
        jdbc.sql("delete from " + fallback + " where school_id = ?").param(school).update();
        execute("alter table " + name + " add constraint " + name + "_school check (school_id is not null and school_id = " + literal(school) + ")");
        execute("alter table " + table + " attach partition " + name + " for values in (" + literal(school) + ")");
        execute("alter table " + name + " drop constraint " + name + "_school");
        return moved;
    }

    private boolean isPartitioned(String table) {
        return jdbc.sql("select exists (select 1 from pg_partitioned_table p join pg_class c on c.oid = p.partrelid "
                + "where c.relname = ? and c.relnamespace = current_schema()::regnamespace)").param(table).query(Boolean.class).single();
    }

    private boolean exists(String table) {
        return jdbc.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single();
    }

    private void execute(String ddl) {
        jdbc.sql(ddl).update();
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
