package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.READER;
import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The follow-up model (docs/notes.md, "Days"): a day ahead in a report that the rules took for the teacher's plan is
 * dropped when the model, trained on the training schools' reports, doubts it is the teacher's; the teacher's own plans
 * stand. Notes on the reader test's roster, written on Wednesday 15 April 2026.
 */
class FollowUpModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);

    /** The day the rules alone give a report, before the model is asked. */
    private static DateResolver.TimeExpr rulesDay(String text) {
        String s = READER.masked("M1", text);
        List<DateResolver.TimeExpr> times = new DateResolver().find(s, TODAY);
        return EventDays.followUpTime(s, times, TODAY, LocalTime.of(8, 20));
    }

    @Test
    void aGuardiansOwnPlanForTheChildIsNoFollowUpThoughTheRulesTookIt() {
        // who takes the child is said two sentences back (他妈来了), not next to the day
        String note = "吴天明他妈来了，在办公室谈的。明天带孩子去市里医院看看，先请三天假。";
        assertThat(rulesDay(note)).as("the rules alone").isNotNull();
        Note n = read(note);
        assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(n.followUp()).isNull();
    }

    @Test
    void aDoubtedDayGivesWayToTheTeachersStepLaterToday() {
        String note = "吴天明他妈来了，在办公室谈的。明天带孩子去市里医院看看，先请三天假。下午我再找吴天明聊聊。";
        assertThat(rulesDay(note).date()).isEqualTo(TODAY.plusDays(1));
        assertThat(READER.read("M1", note, NoteReaderTest.at("2026-04-15T08:00:00+08:00")).followUp()).isEqualTo(TODAY);
    }

    @Test
    void theTeachersOwnPlanStands() {
        assertThat(read("找吴天明谈了，他说最近睡不好。下周三再找他聊聊。").followUp()).isEqualTo(LocalDate.of(2026, 4, 22));
        assertThat(read("找吴天明聊了，他答应周五前把作业补齐交给我。").followUp()).isEqualTo(LocalDate.of(2026, 4, 17));
        assertThat(read("找吴天明谈了，他说数学跟不上。跟他约好这周六上午来办公室，我给他补补。").followUp()).isEqualTo(LocalDate.of(2026, 4, 18));
    }

    @Test
    void theModelWeighsWhoseDayItIsNotTheDayItself() {
        // the same day, first in a guardian's plans, then in the teacher's
        String theirs = "□□□他奶奶来电,说下周一要带他回老家办户口。";
        String mine = "□□□他奶奶来电,说他最近不想上学。下周一我再找他聊聊。";
        double p1 = FollowUpModel.plan(theirs, new DateResolver().find(theirs, TODAY).get(0));
        double p2 = FollowUpModel.plan(mine, new DateResolver().find(mine, TODAY).get(0));
        assertThat(p1).isLessThan(FollowUpModel.DOUBT);
        assertThat(p2).isGreaterThanOrEqualTo(FollowUpModel.DOUBT);
    }
}
