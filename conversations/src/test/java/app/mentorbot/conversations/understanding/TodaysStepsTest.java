package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.READER;
import static app.mentorbot.conversations.understanding.NoteReaderTest.at;
import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The teacher's own step later today is the note's follow-up (docs/notes.md): the readings the twenty-first and
 * twenty-second passes added, on the reader test's roster; written on Wednesday 15 April 2026.
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

    @Test
    void theTeachersOwnStepInOtherWordsIsTodaysFollowUp() {
        // with someone, a bare 找, a meeting or a call, a lesson after the time of day
        assertThat(read("找吴天明聊了，隔壁班几个男生放话要收拾他。已经报政教处，下午跟政教处一起找那几个男生。").followUp()).isEqualTo(TODAY);
        assertThat(read("早读发现吴天明眼眶青了一块，还没来得及找他谈，先报给年级了，中午找他").followUp()).isEqualTo(TODAY);
        assertThat(read("上午找吴天明谈了一节课，他说爸妈天天吵架。已经报德育处，下午跟他妈见面。").followUp()).isEqualTo(TODAY);
        assertThat(read("找吴天明谈了，他说被高年级的要钱。下午跟他额吉通个电话").followUp()).isEqualTo(TODAY);
        assertThat(read("吴天明说最近睡不着。已经跟心理室约好，下午第二节课后带他去心理室").followUp()).isEqualTo(TODAY);
        // 过去 is going over, not a past marker
        assertThat(read("吴天明说最近睡不着。已经跟心理室约好，下午我带他过去。").followUp()).isEqualTo(TODAY);
    }

    @Test
    void aStepToldAsDoneOrAnotherPersonsIsNoFollowUp() {
        assertThat(read("找吴天明聊了，隔壁班几个男生放话要收拾他。下午跟政教处一起找了那几个男生。").followUp()).isNull();
        assertThat(read("找吴天明聊了，他说爸妈天天吵架。下午他妈接他回家了。").followUp()).isNull();
    }

    @Test
    void aDayInTheNextClauseIsNotReadAsOneOfAList() {
        // 明天 and 今天 side by side across a comma once read past the clause's end and the note came back unread
        Note n = read("天没亮吴天明外婆就打来电话，说娃娃昨晚一直哭。中考就在明天，今天上午到校我先找她。");
        assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(n.followUp()).isEqualTo(TODAY);
    }

    @Test
    void theTeacherNamedGoingOrReachingSomeoneLaterTodayIsTodaysFollowUp() {
        // 再 or 先 says it is still to come, whatever the clock; 今晚 too
        assertThat(read("吴天明早上打电话说不想回学校了，手机之前停了机。下午我再给他打").followUp()).isEqualTo(TODAY);
        assertThat(read("吴天明下午留了张纸条说要走，到现在没返校。已经报了学校，今晚我跟值班领导去车站找。").followUp()).isEqualTo(TODAY);
        // a bare step: the note's clock says whether the part of the day is still to come, in a dictated note with no stops too
        String noon = "找吴天明谈了 他说他爸喝了酒就打人 中午我跟校长汇报";
        assertThat(READER.read("M1", noon, at("2026-04-15T08:40:00+08:00")).followUp()).isEqualTo(TODAY);
        assertThat(READER.read("M1", noon, at("2026-04-15T20:00:00+08:00")).followUp()).isNull();
        assertThat(READER.read("M1", "吴天明说车上几个高年级的又问他要钱了 上午大课间我去找司机师傅问问", at("2026-04-15T07:20:00+08:00"))
                .followUp()).isEqualTo(TODAY);
        // told as done, it is the report's
        assertThat(READER.read("M1", "找吴天明谈了，他说他爸喝了酒就打人。中午我跟校长汇报了", at("2026-04-15T08:40:00+08:00")).followUp()).isNull();
    }

    @Test
    void aStepTheTeacherTellsSomeoneOfIsTodaysFollowUp() {
        assertThat(read("吴天明爷爷来电，讲孩子早上又装肚子痛，不肯上校车。我讲下午我先去车上看看是哪个。").followUp()).isEqualTo(TODAY);
        assertThat(read("吴天明他妈早上在校门口等我，说孩子放了学不回家。我跟她说今天下午我先找吴天明谈。").followUp()).isEqualTo(TODAY);
        assertThat(read("吴天明他妈在校门口碰到我，讲伢最近晚上老是哭。我讲今天找伢聊聊").followUp()).isEqualTo(TODAY);
        assertThat(read("「吴天明妈妈：老师，孩子说寝室的人都不理她。」已回复，跟她说学校在处理，今天就给孩子调寝室。").followUp()).isEqualTo(TODAY);
        // a guardian's own plan for the evening, told by the guardian, is theirs
        assertThat(read("回来路上给吴天明他爸打了电话，他爸说晚上去出租屋看看娃。").followUp()).isNull();
    }

    @Test
    void aStepAfterTheTeachersReplyAColleagueMetOrAStudentTakenOverIsTodaysFollowUp() {
        assertThat(read("「老师，我是吴天明他妈，孩子放学在镇上让几个大孩子打了。」回了，说下午我先找他问问。").followUp()).isEqualTo(TODAY);
        assertThat(read("上午分别找了吴天明和许诗涵问那事，各说各的理。下午跟张老师碰一下。").followUp()).isEqualTo(TODAY);
        assertThat(read("上午大课间找吴天明聊了，他说晚上睡不着。已经跟心理室说了，下午我陪他过去。").followUp()).isEqualTo(TODAY);
        // the voice slip 在 for 再 before 给
        assertThat(read("吴天明跟我说想去找他爸 我跟他聊了半天 晚上在给他妈打个电话").followUp()).isEqualTo(TODAY);
    }

    @Test
    void theTeacherTellingAGuardianByALocalWordWhatTheTeacherWillDoIsTheFollowUp() {
        assertThat(read("晚上给吴天明阿嬷打了电话，讲孩子在家不吃饭。我跟阿嬷说明天下午我去家里看看。").followUp())
                .isEqualTo(LocalDate.of(2026, 4, 16));
        assertThat(read("吴天明她老妈打电话来，讲有人把孩子的照片发到群里。跟她讲我明天就去查。").followUp()).isEqualTo(LocalDate.of(2026, 4, 16));
    }
}
