package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/**
 * A safety signal the note itself takes back or places in a story, and the ones it must not: what the teacher found
 * out, a part in a play, a word in quotes, a run-on whose negation is about something else.
 */
class SignalsTakenBackTest {
    static final NoteReader READER = new NoteReader(TwoPartNamesTest.ROSTER);
    static final ZonedDateTime WED = ZonedDateTime.parse("2026-10-14T20:00:00+08:00");

    static boolean safety(String text) {
        return READER.read("T1", text, WED).flags().contains(Flag.SAFETY);
    }

    @Test void whatTheTeacherFoundHarmlessTakesTheSignalBack() {
        assertThat(safety("多吉一进办公室就说“老师我昨天被打了”，我心一紧，结果是打流感疫苗，疼得要命")).isFalse();
        assertThat(safety("有家长在群里说多吉被人打了住院，我马上打电话给他阿妈核实，原来是阑尾炎开刀，已经好了")).isFalse();
    }

    @Test void aWorryFoundHarmlessRaisesNoLowMoodEither() {
        // the mood model reads the teacher's worry (以为他又在哭); what the teacher found takes it back
        assertThat(READER.read("T1", "午托巡查，看到多吉蒙着头缩在被子里，我以为他又在哭，掀开一看是在偷偷看小说。", WED).flags()).doesNotContain(Flag.PSYCH);
        assertThat(READER.read("T1", "午托巡查，看到多吉蒙着头缩在被子里，这几天一直在哭，饭也吃不下。", WED).flags()).contains(Flag.PSYCH);
    }

    @Test void whatTheTeacherWentAndSawOrLearntLaterIsAFindingToo() {
        assertThat(safety("午休听到多吉在走廊喊“我打死你”，过去一看是在玩奥特曼对打的游戏，笑嘻嘻的")).isFalse();
        assertThat(safety("多吉外婆来电话，说孩子周末没回家，后来才知道在同学家写作业住了一晚，电话也打通了")).isFalse();
        assertThat(safety("多吉外婆来电话，说孩子周末没回家，后来才知道是被几个高年级的扣在网吧要钱")).isTrue();
    }

    @Test void aFindingThatIsItselfARiskTakesNothingBack() {
        assertThat(safety("有同学说多吉被人打了，问了才知道，原来是高年级几个人天天堵他要钱，不给就打")).isTrue();
    }

    @Test void someonesAccountIsNoFinding() {
        assertThat(safety("多吉脸上青了一大块，手臂上也有，说是自己摔的，眼神一直躲")).isTrue();
    }

    @Test void aPartPlayedOrAWordInQuotesIsNoOnesRisk() {
        assertThat(safety("卓玛在元旦汇演里演一个离家出走的女孩子，台词背得很熟")).isFalse();
        assertThat(safety("多吉说他家的小狗“离家出走”三天了，今天自己跑回来了")).isFalse();
        assertThat(safety("多吉说他想离家出走，不想回去了")).isTrue();
        assertThat(safety("卓玛在日记里写了“想消失”")).isTrue();
        assertThat(safety("卓玛那句“不想活了”让我一晚上没睡着")).isTrue();
    }

    @Test void aNegationFarBeforeTheCueInADictatedRunOnDoesNotNegateIt() {
        assertThat(safety("多吉今天跟我说屋头莫得人了阿爸阿妈都去挖虫草他一个人周末不晓得咋个过还说有时候想干脆从桥上跳下去算了")).isTrue();
        assertThat(safety("多吉今天跟我说他并没有想过要跳下去")).isFalse();
    }
}
