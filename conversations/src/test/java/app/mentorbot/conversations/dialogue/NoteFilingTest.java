package app.mentorbot.conversations.dialogue;

import static app.mentorbot.conversations.dialogue.SmallSchool.ROSTER;
import static app.mentorbot.conversations.dialogue.SmallSchool.TEXTS;
import static app.mentorbot.conversations.dialogue.SmallSchool.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * Staff notes becoming records, with the records saved in a list and no database: the after-filing
 * hook is called once for each record saved, and never for a note that is not.
 */
class NoteFilingTest {
    final Clock clock = SmallSchool.clockAt(TUESDAY);
    final List<Record> saved = new ArrayList<>();
    final RecordingAfterFiling afterFiling = new RecordingAfterFiling();
    final NoteFiling notes = new NoteFiling(CountingReading.real(), new PendingQuestions(NoDatabase.JDBC), this::save, afterFiling,
            (author, roster, record, today) -> Optional.empty(),
            new SafetyChecks(NoDatabase.JDBC, new RecordStore(NoDatabase.JDBC), new RosterStore(NoDatabase.JDBC), TEXTS, clock),
            new Queries(new RecordStore(NoDatabase.JDBC), TEXTS, new Wording(TEXTS), Links.none()), TEXTS, clock);

    Record save(Record draft) {
        Record r = draft.withId(saved.size() + 1L);
        saved.add(r);
        return r;
    }

    List<Reply> say(String teacherId, String text) {
        Person teacher = SmallSchool.person(teacherId);
        Turn turn = new Turn(teacher, SmallSchool.ID, "webchat", teacherId, text, 7L, TUESDAY.toInstant());
        return notes.file(turn, ROSTER, text, TUESDAY);
    }

    @Test
    void eachNoteOfAListIsFiledAndTheHookIsCalledOnceForEachRecord() {
        List<Reply> replies = say("T1", "1. 今天和张小明单独谈心，聊了数学\n2. 王子轩最近上课总是睡觉\n3. 给李娜妈妈打了电话");

        assertThat(saved).extracting(Record::studentIds).containsExactly(List.of("S1"), List.of("S2"), List.of("S3"));
        assertThat(afterFiling.calls).extracting(AfterFiling.Filed::record).containsExactlyElementsOf(saved);
        assertThat(afterFiling.calls).allSatisfy(f -> {
            assertThat(f.author().id()).isEqualTo("T1");
            assertThat(f.today()).isEqualTo(LocalDate.of(2026, 3, 10));
        });
        assertThat(replies).singleElement().satisfies(r -> assertThat(r.text()).startsWith(TEXTS.get("several.header", 3)));
    }

    @Test
    void aDayThatDoesNotExistIsAskedAboutAndNothingIsFiled() {
        List<Reply> replies = say("T1", "2月30日和张小明谈了");

        assertThat(replies).extracting(Reply::text).containsExactly(TEXTS.get("clarify.impossibleDate", "2月30日"));
        assertThat(saved).isEmpty();
        assertThat(afterFiling.calls).isEmpty();
    }

    @Test
    void aNoteAboutAStudentTheTeacherMayNotWriteAboutIsRefusedBeforeTheSave() {
        List<Reply> replies = say("T3", "今天和张小明谈了");

        assertThat(replies).extracting(Reply::text).containsExactly(TEXTS.get("access.cannotWrite", "张小明"));
        assertThat(saved).isEmpty();
        assertThat(afterFiling.calls).isEmpty();
    }

    @Test
    void aClassHeadSettingTheConferenceDateOfAnotherClassIsRefusedBeforeTheSave() {
        List<Reply> replies = say("T2", "高二(2)班这个月的学情会商定在3月27日下午");

        assertThat(replies).extracting(Reply::text).containsExactly(TEXTS.get("duty.notYourClassDate", "高二(2)班"));
        assertThat(saved).isEmpty();
        assertThat(afterFiling.calls).isEmpty();
    }

    @Test
    void aClassHeadsOwnConferenceDateIsFiledAndHookedOnce() {
        say("T2", "这个月的学情会商定在3月27日下午");

        assertThat(saved).singleElement().satisfies(r -> assertThat(r.followUp()).isEqualTo(LocalDate.of(2026, 3, 27)));
        assertThat(afterFiling.calls).extracting(AfterFiling.Filed::record).containsExactlyElementsOf(saved);
    }
}
