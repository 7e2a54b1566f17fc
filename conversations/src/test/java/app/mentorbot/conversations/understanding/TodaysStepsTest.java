package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The teacher's own step later today is the note's follow-up (docs/notes.md): the readings the twenty-first pass added,
 * on the reader test's roster; written on Wednesday 15 April 2026.
 */
class TodaysStepsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);

    @Test
    void aStepThisMorningIsTodaysFollowUp() {
        assertThat(read("吴天明昨晚给我发消息，说早上不想醒过来。今早到校我先找他。").followUp()).isEqualTo(TODAY);
        // told as done, it is the report's
        assertThat(read("吴天明昨晚给我发消息，说早上不想醒过来。今早到校我先找了他。").followUp()).isNull();
    }

    @Test
    void aTalkPlannedWithTheStudentsGuardianIsTodaysFollowUp() {
        Note n = read("下午找吴天明他奶奶聊聊");
        assertThat(n.kind()).isEqualTo(Kind.REMINDER);
        assertThat(n.followUp()).isEqualTo(TODAY);
    }
}
