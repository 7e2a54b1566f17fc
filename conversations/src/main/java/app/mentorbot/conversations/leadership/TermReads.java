package app.mentorbot.conversations.leadership;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Teacher;

/**
 * The term's records as the overview reads them (the duty columns of the staff's live records, as the weekly job
 * reads them, and the students flagged this term), kept between requests while the school's records are unchanged.
 * Each request reads only a marker (the highest record id, how many records are live, how many earlier versions of
 * them are kept: filing a note moves the first two, withdrawing one the second and third, correcting one the third; forgetting
 * a student changes the roster); the records are read again only when it moved. For each event date the snapshot
 * holds a digest of the records dated up to it, so the trend can tell which past weeks a change touched.
 */
final class TermReads {
    /** The school's highest record id, its live records, its records' earlier versions: what a change to them moves. */
    record Marker(long maxId, long live, long versions) {}

    private record Key(String schoolId, LocalDate from, LocalDate termStart, LocalDate to, Marker marker, Roster roster) {}

    /** What one read gave: the records by author, the flagged students, and the digests by day. */
    record Snapshot(Map<String, List<Record>> byAuthor, List<Record> records, Set<String> flagged, NavigableMap<LocalDate, Long> digests) {
        /** A digest of the records dated up to {@code day}: equal digests, equal records (a 64-bit hash of their duty columns). */
        long digestUpTo(LocalDate day) {
            Map.Entry<LocalDate, Long> e = digests.floorEntry(day);
            return e == null ? 0 : e.getValue();
        }
    }

    private record Kept(Key key, Snapshot snapshot) {}

    private final JdbcClient jdbc;
    private final RecordStore records;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    TermReads(JdbcClient jdbc, RecordStore records) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.records = Objects.requireNonNull(records, "records");
    }

    /** The staff's live records dated in [from, to] and the students flagged in [termStart, to]. */
    Snapshot read(String schoolId, Roster roster, LocalDate from, LocalDate termStart, LocalDate to) {
        // the marker first: a note filed between it and the read is in the snapshot and moves the next marker
        Key key = new Key(schoolId, from, termStart, to, marker(schoolId), roster);
        Kept k = kept.get(schoolId);
        if (k != null && k.key().equals(key)) return k.snapshot();
        List<String> staff = roster.teachers().stream().map(Teacher::id).toList();
        Snapshot s = k != null && onlyFiled(k.key(), key)
                ? added(k, staff, key)
                : snapshot(records.forDuties(schoolId, staff, from, to), flagged(schoolId, termStart, to, 0));
        kept.put(schoolId, new Kept(key, s));
        return s;
    }

    /** Since the kept read, notes were only filed (none withdrawn, corrected or erased): the new ones are enough. */
    private boolean onlyFiled(Key was, Key now) {
        Marker a = was.marker(), b = now.marker();
        if (!was.equals(new Key(now.schoolId(), now.from(), now.termStart(), now.to(), a, now.roster()))) return false;
        if (b.versions() != a.versions() || b.maxId() <= a.maxId()) return false;
        long filed = jdbc.sql("select count(*) from record where school_id = ? and id > ? and deleted_at is null")
                .params(now.schoolId(), a.maxId()).query(Long.class).single();
        return b.live() - a.live() == filed;
    }

    private Snapshot added(Kept k, List<String> staff, Key key) {
        long after = k.key().marker().maxId();
        List<Record> all = new ArrayList<>(k.snapshot().records());
        Set<Long> seen = new HashSet<>(all.stream().map(Record::id).toList()); // the kept read may hold notes filed after its marker
        records.forDuties(key.schoolId(), staff, key.from(), key.to(), after).stream().filter(r -> !seen.contains(r.id())).forEach(all::add);
        all.sort(java.util.Comparator.comparing(Record::date).thenComparing(Record::id));
        Set<String> flagged = new HashSet<>(k.snapshot().flagged());
        flagged.addAll(flagged(key.schoolId(), key.termStart(), key.to(), after));
        return snapshot(List.copyOf(all), Set.copyOf(flagged));
    }

    /** Records oldest first (by date, then id). */
    private static Snapshot snapshot(List<Record> read, Set<String> flagged) {
        Map<String, List<Record>> byAuthor = new HashMap<>();
        NavigableMap<LocalDate, Long> digests = new TreeMap<>();
        long digest = 0;
        for (Record r : read) {
            byAuthor.computeIfAbsent(r.authorId(), a -> new ArrayList<>()).add(r);
            digest = digest * 1_000_003L + Objects.hash(r.id(), r.authorId(), r.kind(), r.talkType(), r.channel(), r.date(), r.studentIds());
            digests.put(r.date(), digest);
        }
        return new Snapshot(byAuthor, read, flagged, digests);
    }

    Marker marker(String schoolId) {
        return jdbc.sql("select (select coalesce(max(id), 0) from record where school_id = ?), "
                        + "(select count(*) from record where school_id = ? and deleted_at is null), "
                        + "(select count(*) from record_version where school_id = ?)")
                .params(schoolId, schoolId, schoolId)
                .query((rs, n) -> new Marker(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** The students flagged by any live record dated in [from, to]. */
    Set<String> flagged(String schoolId, LocalDate from, LocalDate to) {
        return flagged(schoolId, from, to, 0);
    }

    /** As above, by records with ids above {@code afterId}. */
    private Set<String> flagged(String schoolId, LocalDate from, LocalDate to, long afterId) {
        return Set.copyOf(jdbc.sql("select distinct s.student_id from record r join record_student s on s.record_id = r.id "
                        + "where r.school_id = ? and r.deleted_at is null and r.event_date between ? and ? and cardinality(r.flags) > 0 "
                        + "and r.id > ?")
                .params(schoolId, Date.valueOf(from), Date.valueOf(to), afterId).query(String.class).list());
    }
}
