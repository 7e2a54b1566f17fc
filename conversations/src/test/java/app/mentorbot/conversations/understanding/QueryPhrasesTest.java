package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/** The questions a teacher asks the bot are queries, not notes to file. */
class QueryPhrasesTest {
    static final Roster ROSTER = new Roster("测试中学",
            List.of(new SchoolClass("K1", "初一(1)班", "M1")),
            List.of(new Teacher("M1", "高老师", "数学", List.of("K1"), false)),
            List.of(new Student("A1", "宋佳琪", "K1", "M1"), new Student("A2", "韩磊", "K1", "M1")),
            List.of());
    static final NoteReader READER = new NoteReader(ROSTER);
    static final ZonedDateTime NOW = ZonedDateTime.parse("2026-04-15T20:00:00+08:00");

    Kind kindOf(String text) {
        return READER.read("M1", text, NOW).kind();
    }

    @Test
    void askingForAStudentsRecentRecordsIsAQuery() {
        Note note = READER.read("M1", "宋佳琪最近的记录", NOW);
        assertThat(note.kind()).isEqualTo(Kind.QUERY);
        assertThat(note.studentIds()).containsExactly("A1");
        assertThat(kindOf("韩磊的成长档案")).isEqualTo(Kind.QUERY);
        // a record named by what it holds (谈话记录, 家访记录); a reminder's task naming one is no query
        assertThat(kindOf("韩磊这学期的谈话记录")).isEqualTo(Kind.QUERY);
        assertThat(kindOf("下个月8号之前提醒我交所有受导学生的期中谈话记录")).isEqualTo(Kind.REMINDER);
        assertThat(kindOf("月底前完成受导学生的家访记录")).isEqualTo(Kind.REMINDER);
        // 查清楚 is the teacher finding out, not a look-up
        assertThat(kindOf("明天和政教处一起去把厕所那件事查清楚，记得先跟宋佳琪说一声。")).isEqualTo(Kind.REMINDER);
    }

    @Test
    void askingWhoIsStillDueOrHowContactsStandIsAQuery() {
        assertThat(kindOf("我这周还有谁没谈过")).isEqualTo(Kind.QUERY);
        assertThat(kindOf("本学期家长联系情况")).isEqualTo(Kind.QUERY);
    }

    @Test
    void aNoteThatTellsOfARiskIsNotAQueryWhateverItAsksSoTheFlagIsKept() {
        Note asks = READER.read("M1", "宋佳琪今天跟我说不想活了，这种情况要报告吗？", NOW);
        assertThat(asks.kind()).isEqualTo(Kind.TALK);
        assertThat(asks.flags()).contains(Flag.SAFETY);
        // 查 here is what the father does, not a request to the bot
        Note told = READER.read("M1", "韩磊脖子后面有一道紫的，他说他爸拿衣架抽的，他爸回来就查成绩。", NOW);
        assertThat(told.kind()).isNotEqualTo(Kind.QUERY);
        assertThat(told.flags()).contains(Flag.SAFETY);
        // a one-clause question that tells of a risk is filed as an observation with its flags
        Note short_ = READER.read("M1", "有学生说不想活了怎么办？", NOW);
        assertThat(short_.kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(short_.flags()).contains(Flag.SAFETY);
        // a one-clause question about a record stays a query, whatever it names
        assertThat(kindOf("查一下宋佳琪的谈话记录")).isEqualTo(Kind.QUERY);
        assertThat(kindOf("宋佳琪最近被欺负的记录")).isEqualTo(Kind.QUERY);
        // asking which of one's students (有谁) or for a family's contacts looks records up, though the model may read a risk
        // in 没…过 or in a parent's name; asking who did it (谁打的) tells of a risk
        assertThat(kindOf("我带的几个里还有谁没家访过？")).isEqualTo(Kind.QUERY);
        assertThat(kindOf("宋佳琪的家长联系方式都有谁？")).isEqualTo(Kind.QUERY);
        Note whoDidIt = READER.read("M1", "宋佳琪脸上的伤是谁打的？", NOW);
        assertThat(whoDidIt.kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(whoDidIt.flags()).contains(Flag.SAFETY);
    }

    @Test
    void handingInAGrowthFileIsAReminderNotAQuery() {
        assertThat(kindOf("二十号前交成长档案")).isEqualTo(Kind.REMINDER);
        assertThat(kindOf("宋佳琪今天的表现记录一下，上课很专注")).isNotEqualTo(Kind.QUERY);
    }

    @Test
    void aNoteThatOnlyAsksIsAQueryWhateverPastWordsItsQuestionsHold() {
        assertThat(kindOf("宋佳琪上学期谈过几次？都谈了啥")).isEqualTo(Kind.QUERY);
        assertThat(kindOf("宋佳琪之前做过心理测评没有？结果是啥")).isEqualTo(Kind.QUERY);
        assertThat(kindOf("我带的学生里哪几个还没有家访过")).isEqualTo(Kind.QUERY);
        assertThat(kindOf("期末模拟考试我带的学生有谁掉出年级前三十名了")).isEqualTo(Kind.QUERY);
    }

    @Test
    void aRequestThatEndsTheNoteIsAQuery() {
        assertThat(kindOf("宋佳琪上学期期末各科成绩帮我调一下")).isEqualTo(Kind.QUERY);
        assertThat(kindOf("调一下韩磊这学期的谈话记录")).isEqualTo(Kind.QUERY);
    }

    @Test
    void questionWordsThatCountQuoteOrAreToBeFoundOutAreNoQuery() {
        assertThat(kindOf("午休时宋佳琪和韩磊在走廊里摔跤，嘻嘻哈哈的，闹着玩呢。")).isNotEqualTo(Kind.QUERY);
        assertThat(kindOf("下个月5号提醒我找宋佳琪聊聊寒假过得怎么样")).isEqualTo(Kind.REMINDER);
        assertThat(kindOf("今天班会让宋佳琪她们每个人写一条“看到同学被欺负我能做什么”。")).isNotEqualTo(Kind.QUERY);
        assertThat(kindOf("体育课上韩磊摔了一跤，校医看过了，没得啥子大问题。")).isNotEqualTo(Kind.QUERY);
        assertThat(kindOf("明天中午要找宋佳琪和她那几个室友一起谈一下")).isEqualTo(Kind.REMINDER);
        assertThat(kindOf("宋佳琪这次月考进步了十几分，当面表扬了她，她还问我下次能考多少")).isNotEqualTo(Kind.QUERY);
        // what others argue or wonder over is theirs, not a question to the bot
        assertThat(kindOf("体育课宋佳琪和韩磊抢篮板撞在一起，佳琪鼻子出血了，两个人去医务室的路上还在争那个球该算谁的。")).isEqualTo(Kind.OBSERVATION);
    }
}
