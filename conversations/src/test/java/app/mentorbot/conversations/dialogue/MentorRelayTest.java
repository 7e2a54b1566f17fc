package app.mentorbot.conversations.dialogue;

import static app.mentorbot.conversations.dialogue.SmallSchool.ROSTER;
import static app.mentorbot.conversations.dialogue.SmallSchool.TEXTS;
import static app.mentorbot.conversations.dialogue.SmallSchool.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.dialogue.RelayLog.Direction;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.schedule.QuietHours;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Note;

/**
 * A parent's words on their way to the mentor: read once, as the mentor's note about the child, and
 * that one reading decides whether they are urgent. No database: the relay log is a list.
 */
class MentorRelayTest {
    static final ZonedDateTime LATE_EVENING = ZonedDateTime.of(2026, 3, 10, 23, 10, 0, 0, SmallSchool.ZONE);
    /** What the reader makes of a message with a safety keyword. */
    static final Note SAFETY_KEYWORD = new Note(Kind.OBSERVATION, null, null, List.of("S1"), LocalDate.of(2026, 3, 10), Set.of(),
            Set.of(Flag.SAFETY), null, null, null, List.of(), List.of());

    final RecordingRelayLog log = new RecordingRelayLog();

    List<Reply> parentSays(String text, ZonedDateTime at, CountingReading reading) {
        Clock clock = SmallSchool.clockAt(at);
        SafetyChecks safety = new SafetyChecks(NoDatabase.JDBC, new RecordStore(NoDatabase.JDBC), new RosterStore(NoDatabase.JDBC), TEXTS, clock);
        MentorRelay relay = new MentorRelay(reading, log, safety, QuietHours.defaults(SmallSchool.ZONE), TEXTS, new Wording(TEXTS), clock);
        return relay.relay(SmallSchool.person("P1"), ROSTER, "S1", text, 9L, at.toInstant());
    }

    @Test
    void aParentsMessageIsReadOnceAsTheMentorsNoteAboutTheChild() {
        CountingReading reading = CountingReading.real();
        List<Reply> replies = parentSays("孩子这周的数学作业本落在学校了", TUESDAY, reading);

        assertThat(reading.asked).containsExactly(new CountingReading.Asked("T1", "张小明：孩子这周的数学作业本落在学校了"));
        assertThat(replies).extracting(Reply::recipientId).containsExactly("T1", null);
        assertThat(replies.get(0).urgent()).isFalse();
        assertThat(log.logged).singleElement().satisfies(m -> {
            assertThat(m.direction()).isEqualTo(Direction.TO_MENTOR);
            assertThat(m.safety()).isFalse();
            assertThat(m.heldUntil()).isNull();
        });
    }

    @Test
    void whetherItIsUrgentComesFromThatOneReading() {
        CountingReading reading = CountingReading.always(SAFETY_KEYWORD);
        List<Reply> replies = parentSays("孩子今天挺好的", TUESDAY, reading);

        assertThat(reading.asked).hasSize(1);
        assertThat(replies).extracting(Reply::recipientId).containsExactly("T1", "T2", null);
        assertThat(replies.get(0).urgent()).isTrue();
        assertThat(replies.get(0).text()).startsWith(TEXTS.get("relay.urgentPrefix"));
        assertThat(replies.get(1).urgent()).isTrue();
        assertThat(replies.get(2).text()).isEqualTo(TEXTS.get("relay.safetyAck", "刘洋"));
        assertThat(log.logged).singleElement().satisfies(m -> assertThat(m.safety()).isTrue());
    }

    @Test
    void aPlainMessageInTheMentorsQuietHoursWaitsForTheMorning() {
        List<Reply> replies = parentSays("明天孩子请假一天", LATE_EVENING, CountingReading.real());

        ZonedDateTime morning = ZonedDateTime.of(2026, 3, 11, 7, 0, 0, 0, SmallSchool.ZONE);
        assertThat(replies.get(0).notBefore()).isEqualTo(morning.toInstant());
        assertThat(log.logged).singleElement().satisfies(m -> assertThat(m.heldUntil()).isEqualTo(morning.toInstant()));
    }

    @Test
    void anUrgentMessageIsNeverHeldForQuietHours() {
        List<Reply> replies = parentSays("孩子今天挺好的", LATE_EVENING, CountingReading.always(SAFETY_KEYWORD));

        assertThat(replies).allSatisfy(r -> assertThat(r.notBefore()).isNull());
        assertThat(log.logged).singleElement().satisfies(m -> assertThat(m.heldUntil()).isNull());
    }
}
