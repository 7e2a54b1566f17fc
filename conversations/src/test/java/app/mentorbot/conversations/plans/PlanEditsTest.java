package app.mentorbot.conversations.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A mentor's plain words change one line of a draft, and words that are no change leave it alone. */
class PlanEditsTest {
    static final int MONTHS = 5;
    final GuidancePlan draft = new GuidancePlan("S02", 0, List.of("学业成绩稳步回升"), List.of("学业：找出薄弱科目"),
            List.of("定期个别谈心"), 14, 2, null, null);

    GuidancePlan edited(String said) {
        return PlanEdits.apply(draft, said, MONTHS).orElseThrow(() -> new AssertionError("not read as a change: " + said));
    }

    @Test
    void aLineIsReplacedOrAddedToByItsName() {
        assertThat(edited("目标改成：数学稳定在及格线以上").goals()).containsExactly("数学稳定在及格线以上");
        assertThat(edited("内容加上：每周整理错题").content()).containsExactly("学业：找出薄弱科目", "每周整理错题");
        assertThat(edited("方式改为：午休时谈；周五电话家长").methods()).containsExactly("午休时谈", "周五电话家长");
        assertThat(edited("第2条加上：英语每天背单词").content()).endsWith("英语每天背单词");
    }

    @Test
    void theTalkScheduleChangesInTheWaysAMentorSaysIt() {
        assertThat(edited("每两周谈一次改成每周").talkEveryDays()).isEqualTo(7);
        assertThat(edited("改成每周谈一次").talkEveryDays()).isEqualTo(7);
        assertThat(edited("谈话改成每10天一次").talkEveryDays()).isEqualTo(10);
        assertThat(edited("4改成每三周谈一次").talkEveryDays()).isEqualTo(21);
    }

    @Test
    void parentContactsAreCountedPerTerm() {
        assertThat(edited("家长联系改成每月一次").parentContactsPerTerm()).isEqualTo(MONTHS);
        assertThat(edited("家长联系改成每学期4次").parentContactsPerTerm()).isEqualTo(4);
        assertThat(edited("家访改成每两个月一次").parentContactsPerTerm()).isEqualTo(2);
    }

    @Test
    void wordsThatAreNoChangeOfThePlanLeaveItAlone() {
        for (String note : List.of("和李华谈了，下周再谈一次", "今天给李华爸爸打了电话", "改成集体交流", "确认", "")) {
            assertThat(PlanEdits.apply(draft, note, MONTHS)).as(note).isEmpty();
        }
    }
}
