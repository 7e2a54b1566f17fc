package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The readings the eighteenth pass added (docs/notes.md), on the reader test's roster; written on Wednesday 15 April 2026.
 */
class StepsGuardiansAndFindingsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);

    @Test
    void theTeachersStepLaterTodayEndingTheNoteIsTodaysFollowUpAndNoContactYet() {
        Note both = read("午饭排队时吴天明跟四年级一个男生推来推去，手肘磕破了，值日老师带去了医务室。下午跟两边家长说明情况。");
        assertThat(both.kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(both.followUp()).isEqualTo(TODAY);
        Note call = read("吴天明后脑勺起了个包，值日老师已经带去医务室。晚上打给吴天明爸爸。");
        assertThat(call.kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(call.followUp()).isEqualTo(TODAY);
        assertThat(read("吴天明凌晨一点在火车站被民警找到了，已经送回家。下午我去他家看看他。").followUp()).isEqualTo(TODAY);
        assertThat(read("吴天明下课来找我，说许诗涵这几天一直在说活着没意思。下午放学前我先找许诗涵。").followUp()).isEqualTo(TODAY);
        // done, or opening the note: the report's own scene
        assertThat(read("吴天明手肘磕破了。下午跟他妈妈说明了情况。").followUp()).isNull();
    }

    @Test
    void southWesternKinWordsAreGuardians() {
        assertThat(read("吴天明他老汉十点多打电话来问娃儿到学校没有，我去寝室一看床上是空的。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("许诗涵婆婆打电话来，说她过年不想回家。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("给许诗涵家婆打了电话，说了她这次月考的情况。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("跟吴天明他老汉通了个电话，说他这学期每周都按时回家。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        // told with no channel named: a notice, online by the conventions
        Note told = read("吴天明今天在宿舍跟人打架了，额头缝了三针。已经通知他婆婆，他爸妈在佛山。");
        assertThat(told.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(told.channel()).isEqualTo(Channel.ONLINE);
    }

    @Test
    void aGuardianWhoCameAndTalkedIsMetInPerson() {
        Note met = read("嗯 今天那个 吴天明舅舅来接他的时候 在校门口聊了几句 就是 他爸妈还在迪拜");
        assertThat(met.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(met.channel()).isEqualTo(Channel.IN_PERSON);
    }

    @Test
    void aStudentOnAParentsPhoneAfterATimeStillTalksWithTheTeacher() {
        assertThat(read("许诗涵放学后拿她妈妈的手机给我看，说班上有人在抖音评论区骂她。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("许诗涵妈妈放学后拿手机给我看，说班上有人在抖音评论区骂她。").kind()).isEqualTo(Kind.PARENT_CONTACT);
    }

    @Test
    void aFailingScoreAfterTheNameInAListAndRefusingSchoolHoweverSaidAreFlags() {
        Note scores = read("这次数学月考，许诗涵58，吴天明91。");
        assertThat(scores.flags()).contains(Flag.ACADEMIC);
        assertThat(read("这次数学月考，许诗涵88，吴天明91。").flags()).doesNotContain(Flag.ACADEMIC);
        assertThat(read("吴天明妈妈发微信说，他这几天吓得说不想去上学。").flags()).contains(Flag.PSYCH);
    }

    @Test
    void aNoteOfThanksAndGreetingsClauseByClauseIsOther() {
        assertThat(read("教师节快乐！也谢谢你这个小助手帮我记东西。").kind()).isEqualTo(Kind.OTHER);
        // a festival's wish, a laugh between dictated wishes, the wish turned on the teacher themself
        assertThat(read("端午安康！也謝謝你這一學期幫我把孩子們的事記得清清楚楚").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("教师节快乐也给自己说一声 哈哈 谢谢你这个小助手帮我记东西").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("教师节快乐！也给自己道一声辛苦，谢谢你这个小帮手帮我记着娃娃们的事").kind()).isEqualTo(Kind.OTHER);
        // the records' keeping asked for again anywhere in a clause after the wishes, the teacher's own treat, a parting
        assertThat(read("教师节快乐！也谢谢你这个小助手，新学期孩子们的事还得靠你帮我记着").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("五一快乐 给自己放两天假 这段时间谢谢你帮我记着").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("这学期谢谢你啦 娃儿们的事一件件都帮我记着 暑假见").kind()).isEqualTo(Kind.OTHER);
        // a plan after the thanks is still a plan, and thanks that tell of a risk are not filed away
        assertThat(read("谢谢你提醒，明天我找吴天明谈。").kind()).isEqualTo(Kind.REMINDER);
        Note risk = read("谢谢你提醒我吴天明想自杀的事");
        assertThat(risk.kind()).isNotEqualTo(Kind.OTHER);
        assertThat(risk.flags()).contains(Flag.SAFETY);
    }

    @Test
    void aRequestToBeRemindedMayOpenOnItsTime() {
        Note due = read("两天后提醒我问问吴天明鞋的事政教处查得咋样了");
        assertThat(due.kind()).isEqualTo(Kind.REMINDER);
        assertThat(due.followUp()).isEqualTo(LocalDate.of(2026, 4, 17));
        // today named right after the request is its day, not the Monday the note goes on to tell of
        assertThat(read("让我今天下午放学找吴天明说一下 就是他作文比赛得了二等奖 要在周一升旗的时候领奖").followUp()).isEqualTo(TODAY);
    }

    @Test
    void theLeOfZenmeyangLeAsksAndReportsNothing() {
        Note plan = read("明天下午去吴天明家家访，顺便看看他家鱼塘修得怎么样了");
        assertThat(plan.kind()).isEqualTo(Kind.REMINDER);
        assertThat(plan.followUp()).isEqualTo(LocalDate.of(2026, 4, 16));
    }

    @Test
    void aStudentFoundSomewhereAnswersThoseWhoFoundHimAndARestAtHomeIsNoTalk() {
        assertThat(read("吴天明凌晨三点在县城一个网吧找到了，他说在网上认识了一个人。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("我在县城一个网吧找到了吴天明，他说在网上认识了一个人。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("吴天明昨晚在火车站被民警找到了，说想去找妈妈。今天先让他在家休息。").kind()).isEqualTo(Kind.OBSERVATION);
    }

    @Test
    void aDayTheFuturesHuiFollowsIsAheadWhoeverTellsIt() {
        Note call = read("给吴天明奶奶打电话讲了上周五的事。奶奶讲周五会来学校一趟。");
        assertThat(call.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(call.followUp()).isEqualTo(LocalDate.of(2026, 4, 17));
    }

    @Test
    void aClauseOfADayAndAnHourAloneNamesWhenNotAStep() {
        assertThat(read("家长会的通知已经发到班级家长群了，下周三下午三点，请家长带上成长手册。").followUp()).isNull();
        // a day with words before it in its clause is a step (改到下周三)
        assertThat(read("吴天明家长说临时有事，改到下周三。").followUp()).isEqualTo(LocalDate.of(2026, 4, 22));
    }

    @Test
    void playTheTeacherFindsTakesBackForceButNotARiskKeyword() {
        Note play = read("午休查寝，看到吴天明和许诗涵在寝室门口推推搡搡的，我以为要动手，走过去一看两个人在抢一包辣条，笑得不得了。");
        assertThat(play.flags()).doesNotContain(Flag.SAFETY);
        Note beaten = read("午休查寝，看到吴天明在寝室门口被围着，走过去一看，几个人笑得很开心，吴天明被打得鼻子出血。");
        assertThat(beaten.flags()).contains(Flag.SAFETY);
        // 为谁 gives a reason, it asks the bot nothing
        Note game = read("午休去宿舍查看，听见里面有人喊“别打了别打了”，推门一看是吴天明他们几个在玩狼人杀，为谁是狼吵起来了。");
        assertThat(game.kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(game.flags()).doesNotContain(Flag.SAFETY);
    }
}
