package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The readings the nineteenth pass added (docs/notes.md), on the reader test's roster; written on Wednesday 15 April 2026.
 */
class TalkPartnersGuardiansAndTodaysStepsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);

    @Test
    void anotherAdultAnsweringTheTeacherAndSomeoneElseCallingAStudentAreNoTalk() {
        assertThat(read("有人传吴天明在寝室被打了，我专门去问了宿管阿姨，她讲根本没这回事。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("中午操场那边有人喊吴天明掉进水沟了，我跑过去一看，是他自己滑了一脚。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("听英语陈老师说，吴天明这周作业是抄的，陈老师当堂批评了他。").kind()).isEqualTo(Kind.OBSERVATION);
        // another adult asks the student, or stays with them: the answer is theirs, not the teacher's
        assertThat(read("值周老师看到吴天明坐在楼顶栏杆上，值周老师把他叫下来问，他说就是上去吹吹风。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("听历史郭老师说，吴天明上课老拿圆规划手背，郭老师问他，他说不疼。").kind()).isEqualTo(Kind.OBSERVATION);
        // another adult's talk with the student, told on in a clause with no subject of its own, or a school office's adult
        assertThat(read("心理老师下午跟吴天明单独聊了四十分钟，出来跟我说孩子承认是拿小刀自己划的。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("德育处王主任上午跟许诗涵谈过了，说孩子讲得很清楚。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("下午跟吴天明单独聊了四十分钟，出来跟我说孩子承认是拿小刀自己划的。").kind()).isEqualTo(Kind.TALK);
        // a classmate telling the teacher is a talk, whichever class 班上 names
        assertThat(read("听班上同学说，吴天明放学后老是被几个初中生叫到网吧那边去，替他们跑腿买烟，不去就挨揍。").kind()).isEqualTo(Kind.TALK);
        // the student answering the teacher is still a talk
        assertThat(read("我问了吴天明，他讲根本没这回事。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("今天问许诗涵有没有想过伤害自己，她低着头没吭声。").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void aClassmateNamedAsWhoseFriendTheSpeakerIsIsNotInTheTalk() {
        Note told = read("许诗涵的同桌吴天明来找我，说诗涵在本子上写了“不想活了”。");
        assertThat(told.kind()).isEqualTo(Kind.TALK);
        assertThat(told.talkType()).isEqualTo(TalkType.INDIVIDUAL);
        assertThat(told.studentIds()).hasSize(2);
    }

    @Test
    void severalStudentsNamedWithNothingThatSaysTheyWereTogetherAreTalkedWithOneByOne() {
        // the classmate who tells, then the student the teacher asks: two talks, each with one
        Note told = read("周一鸣把攒了两年的球星卡全送给了吴天明，还说以后用不着了。天明觉得不对劲，晚自习下课跑来跟我讲。");
        assertThat(told.kind()).isEqualTo(Kind.TALK);
        assertThat(told.studentIds()).hasSize(2);
        assertThat(told.talkType()).isEqualTo(TalkType.INDIVIDUAL);
        // a plural, a count or two names joined as one subject say they were there together
        assertThat(read("周一鸣跟吴天明在走廊上推搡起来，两个都叫到办公室谈了。").talkType()).isEqualTo(TalkType.GROUP);
        assertThat(read("带周一鸣、吴天明、许诗涵去科技馆参观，回来路上在车上聊了一路。").talkType()).isEqualTo(TalkType.GROUP);
        // their things joined, not them: 收了A和B的错题本
        assertThat(read("收了周一鸣和吴天明的错题本，吴天明订正得很认真；周一鸣只抄了题，跟他说了。").talkType()).isEqualTo(TalkType.INDIVIDUAL);
    }

    @Test
    void aGuardiansHomeByTheStudentsNameASentThingAndQuotedWordsDecideTheChannelAsTheyShould() {
        // any guardian's home, named by the student: the teacher went there
        assertThat(read("上午去了吴天明他舅家，他舅说孩子不好管，跟他舅讲了孩子心里的委屈。").channel()).isEqualTo(Channel.HOME_VISIT);
        assertThat(read("早上去许诗涵家看了看，她妈一晚上没合眼守着她。跟她妈商量好了，下周一去医院看看。").channel()).isEqualTo(Channel.HOME_VISIT);
        // a guardian who sent something, with no medium named, sent it online
        assertThat(read("吴天明他爸发来几张截图，是班上几个男生在评论区骂他，孩子跟他爸说明天不想上学了。").channel()).isEqualTo(Channel.ONLINE);
        // a medium inside someone's quoted words is not the contact's: 再见 is no meeting
        assertThat(read("许诗涵晚上在朋友圈发了一句“对不起大家，再见了”。我马上给她妈打电话，她妈说孩子在屋里把门锁了。").channel())
                .isEqualTo(Channel.PHONE);
    }

    @Test
    void aBareSaidAfterAnInstitutionIsTheInstitutionSpeakingNotTheStudent() {
        // 厂里…，说他…: the factory said it; the call to the grandmother is the exchange
        Note call = read("吴天明的实习月度考核，厂里打了个不合格，说他一个月迟到九次。打给他奶奶，奶奶讲他晚上打游戏打到三四点。");
        assertThat(call.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(call.channel()).isEqualTo(Channel.PHONE);
        // a place the teacher went to (去厂里) is no speaker: the student still says it to the teacher
        assertThat(read("早上去厂里 吴天明今朝精神蛮好 讲上个礼拜跟心理老师视频了两趟 夜里睡得着了").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void aGuardiansCallInTheNextClauseAHeadingAndAPastedMessageThatIntroducesItsWriterAreContacts() {
        assertThat(read("吴天明留了张纸条说要去外地打工，早上他爷爷发现人不在了，打电话给我。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        // a guardian met by chance (碰上, 遇到) is met in person; 姆妈 is a mother in Gan and Wu speech
        Note met = read("放学在校门口碰上吴天明他姆妈，她专门收了摊过来问伢住校习不习惯。跟她讲了伢这个礼拜表现蛮好。");
        assertThat(met.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(met.channel()).isEqualTo(Channel.IN_PERSON);
        assertThat(read("晚自习点名吴天明没到，电话打给他阿奶，讲他礼拜五就没回家。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        // the northern 老爹 (他老爹, 俺是□□她爹) is a father
        assertThat(read("吴天明找到了。他老爹刚回电话，讲人在县城车站边上那家网吧，玩了一个通宵。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        Note heading = read("电话：吴天明外婆，学费已交齐。");
        assertThat(heading.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(heading.channel()).isEqualTo(Channel.PHONE);
        Note pasted = read("「老师您好，我是吴天明的姑姑，他爸妈在广州打工。这两天他老说读书没意思。」已回复，明天找他聊。");
        assertThat(pasted.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(pasted.channel()).isEqualTo(Channel.ONLINE);
        // the canteen's 阿姨 is no relative; a contact still under way is not had
        assertThat(read("听食堂的阿姨说，吴天明这几天中午只打一碗白饭。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("宿管刚打电话，吴天明晚上没回寝，手机关机。已报学校，正在联系他舅舅。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("吴天明这周三次没交作业，还没给他妈妈打电话。").kind()).isEqualTo(Kind.OBSERVATION);
    }

    @Test
    void theStudentsOwnPostIsNotTheChannelOfTheCallToTheFamily() {
        Note call = read("吴天明在班级群里发了一句“这个家没什么好待的了”，然后退群了。打他电话关机。打给他爸，他爸说下午出门到现在没回。");
        assertThat(call.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(call.channel()).isEqualTo(Channel.PHONE);
        // the guardian's own message is still the contact's channel
        assertThat(read("吴天明他妈在微信上跟我讲，孩子这几天在家不说话。").channel()).isEqualTo(Channel.ONLINE);
    }

    @Test
    void theTeachersStepsLaterTodayAndANoteThatIsOnlySuchAStep() {
        assertThat(read("吴天明说那两个人天天在小卖部门口等他。已报政教处，下午通知他爸妈。").followUp()).isEqualTo(TODAY);
        assertThat(read("早读前找许诗涵谈了，她一句话都没回答。已经通知她妈妈，下午和心理老师一起再见她。").followUp()).isEqualTo(TODAY);
        Note plan = read("下午找吴天明聊聊期中复习。");
        assertThat(plan.kind()).isEqualTo(Kind.REMINDER);
        assertThat(plan.followUp()).isEqualTo(TODAY);
        assertThat(read("让我下午第二节课后带吴天明去找心理老师。").followUp()).isEqualTo(TODAY);
        // opening a note that goes on to tell what was found, the same words set its scene
        assertThat(read("下午去吴天明家家访，他跟外婆住，爸妈在外地。").followUp()).isNull();
    }

    @Test
    void comingToTheSchoolOnABareWeekdayLooksAheadInAReport() {
        assertThat(read("钉钉上跟吴天明他爸说了宿舍里的事，他爸回了，说周五下午请假来学校一趟。").followUp()).isEqualTo(LocalDate.of(2026, 4, 17));
        assertThat(read("吴天明他妈周一来学校了，聊了聊他的事。").followUp()).isNull();
    }

    @Test
    void findingsOfPlayAndDenialsOfForceTakeTheSignalBackButARiskKeywordStays() {
        assertThat(read("晚上查寝听见吴天明他们屋里咣咣响，冲进去一看，几个人在床上掰手腕，比谁力气大，闹着玩的。").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("找吴天明聊了，他跟同桌是为了借充电宝拌了几句嘴，没动手，说开了就好了。").flags()).doesNotContain(Flag.SAFETY);
        assertThat(read("冲进去一看，吴天明被几个人按在床上打，说是闹着玩的。").flags()).contains(Flag.SAFETY);
    }

    @Test
    void thanksAndGreetingsHoweverTheyOpenAreOther() {
        assertThat(read("六一快乐！这一年多亏你帮我记着。").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("这学期谢谢你啦，帮我把孩子们的事记得清清楚楚，暑假见！").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("帮我调一下吴天明这学期的谈话记录").kind()).isEqualTo(Kind.QUERY);
    }
}
