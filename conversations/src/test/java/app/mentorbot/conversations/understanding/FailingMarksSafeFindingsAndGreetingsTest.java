package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The readings the twentieth pass added (docs/notes.md), on the reader test's roster; written on Wednesday 15 April 2026.
 */
class FailingMarksSafeFindingsAndGreetingsTest {

    @Test
    void aFailingMarkToldInFiguresIsAcademicWhateverWordsStandBetweenTheTestAndTheNumber() {
        assertThat(read("吴天明数学单元测验只有38分，找他谈了谈。").flags()).contains(Flag.ACADEMIC);
        assertThat(read("许诗涵月考生物只有四十六，下课找她聊了。").flags()).contains(Flag.ACADEMIC);
        assertThat(read("吴天明说他数学每次就考四五十分，想转去学美术。").flags()).contains(Flag.ACADEMIC);
        // on a paper of 150, 62 fails and 108 passes
        assertThat(read("吴天明这次周测数学62（满分150），跟他约了每周二来办公室。").flags()).contains(Flag.ACADEMIC);
        assertThat(read("吴天明二模数学考了108，下课跑来跟我说谢谢。").flags()).doesNotContain(Flag.ACADEMIC);
    }

    @Test
    void aFailingMarkAParentOrATeacherTellsOfIsTheStudents() {
        assertThat(read("听王老师说吴天明月考数学只考了三十二，上课一直趴着。").flags()).contains(Flag.ACADEMIC);
        assertThat(read("吴天明妈妈钉钉上问期中数学为啥才52分，已回复。").flags()).contains(Flag.ACADEMIC);
        assertThat(read("钉钉上吴天明爸爸问期中成绩，已回复：数学不及格，语文还行。").flags()).contains(Flag.ACADEMIC);
        // a word of struggle said of a grandparent stays the grandparent's
        assertThat(read("找吴天明谈了，外婆年纪大了，他讲什么外婆都听不懂。").flags()).doesNotContain(Flag.ACADEMIC);
    }

    @Test
    void aReminderKeepsTheFlagsItsWordsTellOfTheStudent() {
        Note n = read("让我下周二给吴天明爸爸打个电话，说一下他这次数学单元只考了四十二分。");
        assertThat(n.kind()).isEqualTo(Kind.REMINDER);
        assertThat(n.flags()).contains(Flag.ACADEMIC);
        assertThat(read("提醒我下周二给吴天明爸爸打个电话，问问运动会报名的事。").flags()).isEmpty();
    }

    @Test
    void aRiseARankAPartOfThePaperOrMinutesAreNoFailingMark() {
        assertThat(read("吴天明数学从四十几分提到了七十多分，今天在班上表扬了他。").flags()).doesNotContain(Flag.ACADEMIC);
        assertThat(read("许诗涵这次作文得了22分，表扬了她。").flags()).doesNotContain(Flag.ACADEMIC);
        assertThat(read("英语课最后十分钟讲了暑假防溺水，吴天明听得很认真。").flags()).doesNotContain(Flag.ACADEMIC);
        assertThat(read("吴天明这次月考年级第38名，进步很大。").flags()).doesNotContain(Flag.ACADEMIC);
    }

    @Test
    void numbersWrittenInChineseAreReadByTheirValue() {
        assertThat(FailingScores.value("三十八")).isEqualTo(38);
        assertThat(FailingScores.value("一百五")).isEqualTo(150);
        assertThat(FailingScores.value("一百零五")).isEqualTo(105);
        assertThat(FailingScores.value("十五")).isEqualTo(15);
        assertThat(FailingScores.value("零")).isZero();
        assertThat(FailingScores.value("四五十")).isEqualTo(50);
    }

    @Test
    void schoolCalledPointlessIsAcademic() {
        assertThat(read("吴天明今晚跟我说读书没意思，不如早点去厂里。").flags()).contains(Flag.ACADEMIC);
    }

    @Test
    void aFindingThatSaysTheStudentIsSafeTakesAnAbsenceBackButAPlanToFindOutDoesNot() {
        assertThat(read("吴天明奶奶打电话来，说孩子昨晚没回家，后来才晓得是去他姑姑家了，手机没电，人好好的。").flags())
                .doesNotContain(Flag.SAFETY);
        assertThat(read("吴天明奶奶打电话来，说孩子昨晚没回家，手机一直关机。").flags()).contains(Flag.SAFETY);
        // 返校再问清楚 is what the teacher will do, not what was found
        assertThat(read("吴天明奶奶打电话来，说他前天跟几个初三的在篮球场有冲突，回家眼角肿了一大块。我让奶奶先带他去看看，返校再问清楚。").flags())
                .contains(Flag.SAFETY);
    }

    @Test
    void aStomachPumpedIsAMeansOfSelfHarm() {
        assertThat(read("许诗涵妈妈早上发微信，说她昨晚洗了胃，医生讲要住院观察几天。").flags()).contains(Flag.SAFETY);
    }

    @Test
    void wishesAndTheBotsHelpAskedForAgainAreOtherAndRaiseNothing() {
        Note newYear = read("元旦快乐！新的一年还要靠你帮我记着孩子们的事");
        assertThat(newYear.kind()).isEqualTo(Kind.OTHER);
        assertThat(newYear.flags()).isEmpty();
        assertThat(read("新年快乐！马年大吉，这一学期谢谢你帮我记着孩子们的事").kind()).isEqualTo(Kind.OTHER);
        // a request with no wish is still a reminder
        assertThat(read("麻烦你帮我记一下吴天明明天请假").kind()).isEqualTo(Kind.REMINDER);
        // a cheer, a word of the day or to the bot between the wishes and the thanks, the help asked for again (拜托啦)
        assertThat(read("高考加油！谢谢这一年帮我记着这些事").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("六一快乐！今天蓝天白云的，心情也好，谢谢小助手一直帮我记着").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("跨年啦！这学期谢谢你帮我记着孩子们的事，明年接着来").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("除夕快乐！这学期多亏你帮我把孩子们的事记得清清楚楚，新年也拜托啦。").kind()).isEqualTo(Kind.OTHER);
        // a task among the wishes is still one
        assertThat(read("新年快乐！提醒我初八开会").kind()).isEqualTo(Kind.REMINDER);
    }

    @Test
    void yiAndHunanGuardiansAHomeOfTheGuardianAndAGuardianMetAtTheGateAreContacts() {
        Note called = read("周日晚点名吴天明没到。打他阿嫫电话，说下午两点多就背着洋芋出门了。");
        assertThat(called.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(called.channel()).isEqualTo(Channel.PHONE);
        assertThat(read("和妇联的阿姨去了吴天明姑姑家，姑姑说孩子最近挺好。").channel()).isEqualTo(Channel.HOME_VISIT);
        assertThat(read("吴天明姥爷来送棉袄，在传达室碰上我了，说了几句，孩子放假回去也不出门。").channel()).isEqualTo(Channel.IN_PERSON);
    }

    @Test
    void theTeachersOwnPlanToldToAGuardianIsTheFollowUp() {
        assertThat(read("吴天明他妈打电话过来，说孩子不想来上学了。我跟他妈说明天一早我先去找政教处。").followUp())
                .isEqualTo(java.time.LocalDate.of(2026, 4, 16));
        // what the guardian says she will do is hers
        assertThat(read("吴天明他妈打电话过来，说孩子不想来上学了，她说明天带他去医院看看。").followUp()).isNull();
    }

    @Test
    void theTeachersStepLaterTodayWithWordsOfWhenOrACompanionIsTodaysFollowUp() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 4, 15);
        assertThat(read("吴天明妈妈说人找到了，在网吧。人今天来上学了，上午大课间我找他聊聊。").followUp()).isEqualTo(today);
        assertThat(read("许诗涵说最近老睡不着，觉得自己是多余的。已经联系了心理室，下午我带她过去。").followUp()).isEqualTo(today);
        assertThat(read("吴天明说在江边坐了一夜。今天让他在家休息，上午我跟心理老师过去看看。").followUp()).isEqualTo(today);
        // told as done, the step is the report's
        assertThat(read("吴天明说在江边坐了一夜，上午我跟心理老师过去看了看。").followUp()).isNull();
    }

    @Test
    void aWordNameAfterASchoolRoutineOrTheTeachersClassIsTheStudent() {
        assertThat(read("早上跑操高兴没来，我去宿舍看了一下，说是肚子疼。").studentIds()).containsExactly("A3");
        assertThat(read("今天大家都很高兴，跑操也很整齐。").studentIds()).isEmpty();
    }
}
