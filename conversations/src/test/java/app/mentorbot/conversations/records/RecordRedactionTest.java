package app.mentorbot.conversations.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.understanding.Evidence;

/** What a shared note reads like once one of its students is erased. */
class RecordRedactionTest {
    static final String MARK = "（已删除）";
    /** 王子轩 (S03) at 1–4, 小帆 (S05) at 5–7, as the note reader found them. */
    static final String NOTE = "和王子轩、小帆一起聊了学习计划，杨帆说压力大";
    static final List<Evidence> EVIDENCE = List.of(new Evidence("students", "S03", 1, 4), new Evidence("students", "S05", 5, 7),
            new Evidence("kind", "TALK", 9, 10));

    @Test
    void theStudentGoesWhereTheReaderFoundThemAndWhereverTheirNameStands() {
        assertThat(RecordStore.withoutMentions(NOTE, EVIDENCE, "S05", List.of("杨帆"), MARK))
                .isEqualTo("和王子轩、（已删除）一起聊了学习计划，（已删除）说压力大");
    }

    @Test
    void theOtherStudentsOfTheNoteStay() {
        assertThat(RecordStore.withoutMentions(NOTE, EVIDENCE, "S05", List.of("杨帆"), MARK)).contains("王子轩");
    }

    @Test
    void aSpanOutsideTheNoteIsIgnoredRatherThanTrusted() {
        List<Evidence> stale = List.of(new Evidence("students", "S05", 20, 40));
        assertThat(RecordStore.withoutMentions("和杨帆聊了", stale, "S05", List.of("杨帆"), MARK)).isEqualTo("和（已删除）聊了");
    }
}
