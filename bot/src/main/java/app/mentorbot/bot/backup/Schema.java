package app.mentorbot.bot.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.MigrationVersion;

/**
 * The application's tables in the connection's current schema, as PostgreSQL's catalogue tells them: every
 * table but Flyway's history (a partitioned table once, without its partitions), ordered so that a table comes after those its foreign keys point to (a restore
 * COPYs them in this order), with their columns and the schema's sequences.
 */
final class Schema {
    static final String HISTORY = "flyway_schema_history";

    private Schema() {}

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The tables, parents before children. */
    static List<String> tables(Connection c) throws SQLException {
        // a table partitioned by school is one table here; its partitions are not listed (its COPY holds their rows)
        List<String> names = strings(c, "select relname from pg_class where relnamespace = current_schema()::regnamespace "
                + "and relkind in ('r', 'p') and not relispartition and relname <> '" + HISTORY + "' order by relname");
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String n : names) parents.put(n, new LinkedHashSet<>());
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select child.relname, parent.relname from pg_constraint k
                join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
                join pg_namespace n on n.oid = child.relnamespace
                where k.contype = 'f' and n.nspname = current_schema() and k.conrelid <> k.confrelid""")) {
            while (rs.next()) {
                Set<String> p = parents.get(rs.getString(1));
                if (p != null && parents.containsKey(rs.getString(2))) p.add(rs.getString(2));
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < names.size()) {
            int before = ordered.size();
            for (String n : names) {
                if (!ordered.contains(n) && ordered.containsAll(parents.get(n))) ordered.add(n);
            }
            if (ordered.size() == before) throw new IllegalStateException("foreign keys form a cycle among " + parents.keySet());
        }
        return ordered;
    }

    /** The columns a COPY reads and writes, in table order (generated columns left out: PostgreSQL computes them). */
    static List<String> columns(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select column_name from information_schema.columns "
                + "where table_schema = current_schema() and table_name = ? and is_generated = 'NEVER' order by ordinal_position")) {
            st.setString(1, table);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        }
    }

    static List<String> sequences(Connection c) throws SQLException {
        return strings(c, "select s.relname from pg_class s join pg_namespace n on n.oid = s.relnamespace "
                + "where s.relkind = 'S' and n.nspname = current_schema() order by s.relname");
    }

    /** The highest schema version Flyway applied here, or null on a database it never migrated. */
    static MigrationVersion version(Connection c) throws SQLException {
        if (strings(c, "select tablename from pg_tables where schemaname = current_schema() and tablename = '" + HISTORY + "'").isEmpty()) {
            return null;
        }
        MigrationVersion best = null;
        for (String v : strings(c, "select version from " + HISTORY + " where success and version is not null")) {
            MigrationVersion m = MigrationVersion.fromVersion(v);
            if (best == null || m.compareTo(best) > 0) best = m;
        }
        return best;
    }

    /** True when any application table holds a row. */
    static boolean hasRows(Connection c) throws SQLException {
        for (String t : tables(c)) {
            if (!strings(c, "select 1 from " + quote(t) + " limit 1").isEmpty()) return true;
        }
        return false;
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
