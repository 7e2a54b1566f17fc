package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A roster name that is also a word (高兴) counts where a person stands: before a body part, a grandparent, a score. */
class WordNamesWherePeopleStandTest {
    @Test
    void aWordNameBeforeABodyPartIsSomeonesBody() {
        assertThat(read("课间操回来高兴嘴角破了，校服领口扯开一个大口子。").studentIds()).containsExactly("A3");
        assertThat(read("科学课做实验，高兴手指头被剪刀划了个小口子。").studentIds()).containsExactly("A3");
        assertThat(read("课间操回来大家都很高兴").studentIds()).isEmpty();
    }

    @Test
    void aWordNameBeforeASouthernGrandparentIsTheirFamily() {
        assertThat(read("高兴阿嬷今天来学校送伞，顺便跟我讲了几句。").studentIds()).containsExactly("A3");
    }

    @Test
    void aWordNameWithAScoreInAListIsAStudent() {
        assertThat(read("期中物理：许诗涵92，高兴88，吴天明61。").studentIds()).containsExactlyInAnyOrder("A2", "A3", "A4");
        assertThat(read("学校周围方圆100米不许摆摊").studentIds()).isEmpty();
        // dictated in characters, or full marks
        assertThat(read("月考英语 许诗涵二十九 高兴八十八 吴天明五十三").studentIds()).containsExactlyInAnyOrder("A2", "A3", "A4");
        assertThat(read("期末模拟数学：许诗涵52，吴天明47，高兴满分。").studentIds()).containsExactlyInAnyOrder("A2", "A3", "A4");
    }

    @Test
    void aWordNameRightAfterARumourIsWhoItIsAbout() {
        assertThat(read("班上传高兴昨天放学在车站被人拦了").studentIds()).containsExactly("A3");
    }

    @Test
    void aWordNameAfterTheDictationFillerIsAPersonWhenTheirFamilyOrAPronounFollows() {
        assertThat(read("就是高兴妈妈早上打过来说昨晚陪他睡的").studentIds()).containsExactly("A3");
        assertThat(read("那个就是高兴他今天又没交作业").studentIds()).containsExactly("A3");
        assertThat(read("他就是高兴得不得了").studentIds()).isEmpty();
    }

    @Test
    void aWordNameAfterAThreeCharVerbOfNoticingIsWhoWasNoticed() {
        assertThat(read("最近留意到高兴每天放学都最后一个走").studentIds()).containsExactly("A3");
        assertThat(read("最近留意到大家都很高兴").studentIds()).isEmpty();
    }

    @Test
    void aWordNameBeforeHomeAfterAVisitDoneIsTheirHome() {
        assertThat(read("今天一早去了高兴家，他奶奶在").studentIds()).containsExactly("A3");
    }

    @Test
    void aWordNameOpeningANoteThatNamesNoOneElseIsItsSubjectWhenAPronounRefersBack() {
        Note n = read("高兴上个礼拜状态特别不对，周五把复习资料全分给了后排，说他用不着了。");
        assertThat(n.studentIds()).containsExactly("A3");
        assertThat(n.clarify()).isNull();
        // a word with no one to refer back to is no one
        assertThat(read("高兴得很，这次月考大家都进步了，提醒我周五表扬一下").studentIds()).isEmpty();
    }

    @Test
    void aWordNameWhoseWrittenWorkIsReadIsTheStudentWhoWroteIt() {
        assertThat(read("晚上批高兴的周记，最后一段写得很认真。").studentIds()).containsExactly("A3");
        assertThat(read("晚上批周记，看得很高兴。").studentIds()).isEmpty();
    }

    @Test
    void aWordNameKeptAfterClassToTalkIsTheStudentKept() {
        assertThat(read("放学后留高兴聊了半小时，说的是月考的事。").studentIds()).containsExactly("A3");
        assertThat(read("放学后大家都留下来聊天，一个个都很高兴。").studentIds()).isEmpty();
        assertThat(read("放学留高兴画画，她画了一栋房子。").studentIds()).containsExactly("A3");
    }

    @Test
    void aWordNameBeforeThisWeekInAnyOfItsWordsIsWhoTheWeekIsTold() {
        assertThat(read("宿管阿姨说高兴这礼拜天天十点多才回寝室。").studentIds()).containsExactly("A3");
        assertThat(read("听宿管说高兴这个星期每天半夜还在刷手机。").studentIds()).containsExactly("A3");
    }

    @Test
    void aWordNameBeforeALocalGuardianOrItsGrowthFileIsTheStudent() {
        assertThat(read("家长会的通知发给了高兴娭毑，她讲一定来。").studentIds()).containsExactly("A3");
        assertThat(read("开学前翻了高兴的成长档案，初一那年转过一次学。").studentIds()).containsExactly("A3");
    }

    @Test
    void aWordNameSomeoneCallsOutOrTheTeacherSeesOnlineIsTheStudent() {
        assertThat(read("早上在校门口听到有人喊高兴掉到水沟里了，跑过去一看是去捞篮球。").studentIds()).containsExactly("A3");
        assertThat(read("晚上刷到高兴在直播卖他家的橙子，讲得头头是道。").studentIds()).containsExactly("A3");
    }

    @Test
    void aWordNameRightAfterARoutineJustOverOpensTheClause() {
        assertThat(read("今天补课完高兴来办公室找我，说物理又没听懂。").studentIds()).containsExactly("A3");
        assertThat(read("今天补课完大家都很高兴").studentIds()).isEmpty();
    }

    @Test
    void aWordNameFoundToBeSomeonesBodyIsTheStudent() {
        assertThat(read("宿舍有人在叫，跑过去一看，是高兴脚上的冻疮破了。").studentIds()).containsExactly("A3");
    }

    @Test
    void aWordNameBeforeABedATestOrTheseTwoWeeksOpensTheClause() {
        assertThat(read("早上六点查寝，高兴床上被子叠得好好的，人不在。").studentIds()).containsExactly("A3");
        assertThat(read("听生物老师说，高兴这两个礼拜生物课都趴着睡。").studentIds()).containsExactly("A3");
        assertThat(read("听数学老师说高兴月考只考了三十二。").studentIds()).containsExactly("A3");
        assertThat(read("这两个礼拜大家都很高兴。").studentIds()).isEmpty();
    }

    @Test
    void aWordReadAsANameNoRosterHoldsBesideARosterStudentIsNoOneToAskAbout() {
        Note note = read("许诗涵这个礼拜上课老是走神，周测物理只考了41。听班主任江老师讲她晚上打着手电刷题。");
        assertThat(note.studentIds()).containsExactly("A2");
        assertThat(note.clarify()).isNull();
        // with no roster student, the unknown name is still asked about
        assertThat(read("今天找张小伟聊了聊期中的事。").clarify()).isEmpty();
    }

    @Test
    void aNameFormBeforeAPlaceWordIsThePlace() {
        assertThat(read("吴天明他阿公讲今年八角价钱不好，高兴县城的收购价压得低。").studentIds()).containsExactly("A4");
        // a name before a verb that looks like one stays the student (站在, 乡下 are not places after a name)
        assertThat(read("高兴站在门口一直不进来。").studentIds()).containsExactly("A3");
    }

    @Test
    void aWordNameAfterASubjectATestOrAnExamRoomOrBeforeItselfIsAStudent() {
        assertThat(read("那个 期中数学高兴考了九十八 比上学期进步了三十多分").studentIds()).containsExactly("A3");
        assertThat(read("月考完高兴来办公室，说数学才考了六十八。").studentIds()).containsExactly("A3");
        assertThat(read("期中考场上高兴一直揉眼睛，走过去看眼圈红红的。").studentIds()).containsExactly("A3");
        assertThat(read("那个 今天高兴自己来找我 讲周末跟她妈视频了").studentIds()).containsExactly("A3");
        assertThat(read("听蒙老师讲，高兴这两次去心理室都愿意开口了。").studentIds()).containsExactly("A3");
        assertThat(read("大课间看见几个男生围着高兴学他说话结巴。").studentIds()).containsExactly("A3");
        assertThat(read("那个 调一下高兴的谈话记录").studentIds()).containsExactly("A3");
        // the word still reads as a word
        assertThat(read("期中数学考完大家都很高兴。").studentIds()).isEmpty();
    }
}
