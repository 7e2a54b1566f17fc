package app.mentorbot.bot.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.mentorbot.bot.testing.TestDatabase;

/**
 * In a district, one database holds fifty schools and every query is one school's: an index or key that such a query
 * uses must start with school_id, or the school's rows are spread over the whole index. This reads every index of
 * every table that has a school_id column, in a database migrated to the newest version, and names those that do not
 * start with it. The few that rightly do not are listed below with their reason; a new one must join the list or be fixed.
 */
class DistrictIndexesTest {
    /** Indexes that do not start with school_id, and why that is right. */
    static final Map<String, String> NOT_BY_SCHOOL = new TreeMap<>(Map.ofEntries(
            // Ids from one sequence, unique across schools: a look-up by id alone (a record being corrected, a message's status).
            Map.entry("record_pkey", "a record by its id"),
            Map.entry("inbound_message_pkey", "a message by its id"),
            Map.entry("outbox_pkey", "a reply by its id (the dispatcher)"),
            Map.entry("relay_message_pkey", "a relayed message by its id"),
            Map.entry("conference_decision_pkey", "a decision by its id (its reminders point at it)"),
            Map.entry("reminder_pkey", "a reminder by its id"),
            Map.entry("safety_check_pkey", "a check by its id"),
            Map.entry("guidance_plan_pkey", "a plan version by its id"),
            Map.entry("student_report_request_pkey", "a request by its id"),
            Map.entry("stage_assessment_pkey", "an assessment by its id"),
            Map.entry("match_proposal_pkey", "a proposal by its id"),
            Map.entry("mentor_change_pkey", "a change by its id"),
            // Rows of one record or proposal, found by its globally unique id.
            Map.entry("record_student_pkey", "a record's students, joined on the record's id"),
            Map.entry("record_version_pkey", "a record's earlier versions, by the record's id"),
            Map.entry("safety_check_record_id_key", "one check per record, by the record's id"),
            Map.entry("match_pairing_pkey", "a proposal's pairings, by the proposal's id"),
            Map.entry("reminder_by_decision", "the follow-ups of decisions, by the decisions' ids"),
            // Keys whose school is not known when they are looked up.
            Map.entry("inbound_message_platform_platform_message_id_key", "a platform's message id, the dedupe key of a redelivery"),
            Map.entry("platform_identity_pkey", "a chat account, looked up to learn its school"),
            Map.entry("binding_code_pkey", "a code a parent types, before the bot knows their school"),
            Map.entry("invitation_redeemed_pkey", "an invitation link's hash, before the bot knows the school"),
            Map.entry("web_device_pkey", "a browser's cookie hash, before the bot knows the school"),
            // Work queues across every school, served by one dispatcher or one recovery at start.
            Map.entry("outbox_due", "the dispatcher's queue of due replies, all schools"),
            Map.entry("outbox_waiting_chat", "replies waiting for one chat to become reachable (a chat is on one platform)"),
            Map.entry("inbound_message_unfinished", "messages left unfinished by the last run, all schools"),
            // A GIN index over an array cannot lead with a text column without the btree_gin extension; the
            // query that uses it names the school too, and filters by it on the few rows the array match leaves.
            Map.entry("reminder_students", "open reminders about given students (GIN)")));

    static String url;

    @BeforeAll
    static void migrated() {
        url = TestDatabase.newDatabase();
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()).locations("classpath:db/migration").load().migrate();
    }

    /** Every index of a table with school_id whose first column is another; the index's definition. */
    static Map<String, String> notLedBySchool() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                     from pg_index i join pg_class t on t.oid = i.indrelid
                     where t.relnamespace = current_schema()::regnamespace and t.relkind in ('r', 'p') and not t.relispartition
                       and exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = 'school_id' and not a.attisdropped)
                       and coalesce((select a.attname from pg_attribute a where a.attrelid = t.oid and a.attnum = i.indkey[0]), '') <> 'school_id'
                     """)) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    @Test
    void everyIndexOfATableWithSchoolIdStartsWithItOrIsListedWithItsReason() throws SQLException {
        Map<String, String> offenders = notLedBySchool();
        offenders.keySet().removeAll(NOT_BY_SCHOOL.keySet());
        assertThat(offenders).as("indexes that a query by school would scan across every school: lead with school_id, or list them with the reason").isEmpty();
    }

    @Test
    void theListNamesOnlyIndexesThatExist() throws SQLException {
        assertThat(notLedBySchool().keySet()).as("an index fixed or gone leaves the list too").containsAll(NOT_BY_SCHOOL.keySet());
    }

    @Test
    void theKeysTheAuditFixedNowStartWithSchoolId() throws SQLException {
        assertThat(notLedBySchool()).doesNotContainKeys("reminder_dedupe_key_key", "safety_check_open_due");
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from pg_indexes where indexname in ('reminder_school_dedupe_key', "
                     + "'platform_identity_person', 'inbound_message_chat', 'outbox_chat_sent', 'conference_decision_by_class')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(5);
        }
    }
}
