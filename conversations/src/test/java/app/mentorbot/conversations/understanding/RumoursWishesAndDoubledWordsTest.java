package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The readings the twenty-seventh pass added (docs/notes.md), on the reader test's roster (高兴 is a student there);
 * written on Wednesday 15 April 2026.
 */
class RumoursWishesAndDoubledWordsTest {
    /** Whether the lists' suspicion in the note is the cue {@code word} (the models' suspicion names a whole sentence). */
    private static boolean suspectedFor(Note n, String word) {
        return n.doubts().contains(Note.SAFETY_SUSPECTED + word);
    }

    /** Whether the student's words at {@code word} in a note (names already masked) are said to the teacher, by the rules. */
    private static boolean answersTheTeacher(String note, String word) {
        int at = note.indexOf(word);
        return WithTheTeacher.holds(note, at, at + word.length());
    }

    @Test
    void aRumourHeardFromSomeoneNamedBetweenIsTakenBackByTheDenialThatFollows() {
        Note n = read("吴天明她妈打电话来，说听别的家长讲孩子在学校让人打了，问是咋回事。我问了他同桌，根本没这回事，是体育课垫排球垫青的。");
        assertThat(n.flags()).doesNotContain(Flag.SAFETY);
        // the force the rumour told of did not happen
        assertThat(read("班上传吴天明跟隔壁班一个男生在宿舍楼打起来了，我问了宿管阿姨，就是两个人为晾衣服拌了几句嘴，没动手。").flags())
                .doesNotContain(Flag.SAFETY);
        // a plan to check is no finding: the signal stands until the teacher finds otherwise
        assertThat(read("吴天明中午来讲，许诗涵在寝室遭几个初三的欺负，天天逼她洗袜子。晚上找诗涵核实一下。").flags()).contains(Flag.SAFETY);
        // a rumour nobody denies still counts
        assertThat(read("听别的家长讲吴天明在学校让人打了，手腕上青了一块。").flags()).contains(Flag.SAFETY);
    }

    @Test
    void aParentWhoDidNotComeBackIsNoStudentAwayNorIsAMessageLeftUnanswered() {
        // 他娘, 她阿嫫: the local words for a parent, whose absence it is
        assertThat(suspectedFor(read("吴天明他爹打电话来，说这学期他在厂里四班三倒，孩子他娘前年走了就再没回来。"), "没回来")).isFalse();
        assertThat(suspectedFor(read("下午问了许诗涵，她讲她阿嫫今年过年都没回来。"), "没回来")).isFalse();
        // 没回答 is an answer not given, not a night away
        assertThat(suspectedFor(read("给吴天明他爸打了电话，讲了孩子昨晚没回答的事。"), "昨晚没回")).isFalse();
        // the student who did not come home still counts
        assertThat(read("吴天明昨晚没回家，手机关机，他妈到处找。").flags()).contains(Flag.SAFETY);
    }

    @Test
    void callingSomeonesFamilyIsNoBlow() {
        assertThat(suspectedFor(read("吴天明到八点还没到校，打他爸电话，他爸说中午就送上车了，后来他自己走到学校了，脚上打了几个泡。"), "打他"))
                .isFalse();
    }

    @Test
    void wishesAndAsidesOfUpToSixtyCharsAreOnlyPleasantries() {
        assertThat(read("三月三快乐！今天寨子里对歌对到天黑，热闹得很，也谢谢小助手一直帮我记着孩子们的事。").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("国庆中秋双节快乐！给自己放七天假，也谢谢小助手这一个月帮我记着孩子们的事。").kind()).isEqualTo(Kind.OTHER);
        assertThat(read("教师节快乐！一早办公室里飘着一股香瓜味儿，心情也好，谢谢小助手帮我记着孩子们的事。").kind()).isEqualTo(Kind.OTHER);
        Note wish = read("这学期谢谢你啦，孩子们的事一件件都帮我记着，暑假见！愿孩子们暑假都平平安安、高高兴兴的。");
        assertThat(wish.kind()).isEqualTo(Kind.OTHER);
        assertThat(wish.studentIds()).isEmpty();
        // a task among the wishes is still a task
        assertThat(read("教师节快乐！明天提醒我收吴天明的成长档案，谢谢小助手。").kind()).isNotEqualTo(Kind.OTHER);
    }

    @Test
    void aWordNameInsideADoubledWordOrBeforeADegreeIsNoOne() {
        assertThat(read("吴天明今天跑完八百米，高高兴兴地回了教室。").studentIds()).containsExactly("A4");
        assertThat(read("吴天明拿了作文一等奖，高兴得很。").studentIds()).containsExactly("A4");
        // the student who stands where a person stands still counts, and so does one who must do something (得多…)
        assertThat(read("高兴今天又没交作业。").studentIds()).containsExactly("A3");
        assertThat(read("吴天明得多练练口语，下周一找他。").studentIds()).containsExactly("A4");
    }

    @Test
    void aParentAwayWhoTakesLeaveToComeBackOnADaySetsTheFollowUp() {
        Note n = read("给吴天明他妈打了电话，她在杭州做家政，说下周三请假回来，直接到学校找我。");
        assertThat(n.followUp()).isEqualTo(java.time.LocalDate.of(2026, 4, 22));
        // a day the parent only tells of sets nothing
        assertThat(read("给吴天明他妈打了电话，她在杭州做家政，说下周三是她的生日。").followUp()).isNull();
    }

    @Test
    void whatTheTeacherAgreedWithTheStudentInTheSouthernWordForSayIsAPlan() {
        assertThat(read("上午找吴天明谈了昨晚的事，他讲他不敢回去。我跟他讲好了周五放学我送他回去。").followUp())
                .isEqualTo(java.time.LocalDate.of(2026, 4, 17));
    }

    @Test
    void whatAGuardianSaidBeforeAndAGuardianHurryingElsewhereAreNoContact() {
        assertThat(read("吴天明跟旁边同学说手上是猫抓的。可他家没养猫，上次家长会他妈妈说过。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("吴天明晚自习跟隔壁班的在楼梯口推搡，额头磕在栏杆上缝了三针。他爸已经赶到医院了。").kind()).isEqualTo(Kind.OBSERVATION);
        // going somewhere with a parent is family life: the talk is the student's, after
        assertThat(read("吴天明寒假跟他妈去了一趟深圳，回来跟我说想学编程。").kind()).isEqualTo(Kind.TALK);
        // a guardian who came to the school, or says something now, still is
        assertThat(read("吴天明他爸已经赶到学校了。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("吴天明他妈妈说孩子这几天睡不好。").kind()).isEqualTo(Kind.PARENT_CONTACT);
    }

    @Test
    void aNoteOpeningOnTheStudentFoundIsDatedTodayUnlessTheFindingHasItsDay() {
        // 2026-04-15 is the reader test's today; 昨晚 tells where the night went
        assertThat(read("吴天明找着了，昨晚在镇上网吧坐了一夜，他爸早上去网吧把人领回去的。").date()).isEqualTo(java.time.LocalDate.of(2026, 4, 15));
        // the night the police stopped him is the finding's day
        assertThat(read("吴天明找着了，昨晚在火车上被铁路民警拦下来了。").date()).isEqualTo(java.time.LocalDate.of(2026, 4, 14));
    }

    @Test
    void severalPeopleInWhatAClassmateToldAreNotWhoTheTeacherTalkedWith() {
        Note n = read("许诗涵这两周中午都不去食堂。今天吴天明悄悄跟我说，食堂里有几个高二的每次都把诗涵的饭盘掀翻。");
        assertThat(n.studentIds()).hasSize(2);
        assertThat(n.talkType()).isEqualTo(TalkType.INDIVIDUAL);
        // the teacher acting after the words ends them: the two found together were together
        Note play = read("有学生跑来喊，说吴天明跟人在操场上打起来了，我赶紧过去，一看是他跟周一鸣在草坪上摔跤玩，俩人笑得直不起腰。说了他俩几句。");
        assertThat(play.talkType()).isEqualTo(TalkType.GROUP);
    }

    @Test
    void aRoughCountAsksNothing() {
        assertThat(read("听数学老师说吴天明月考数学只有三十几分。").kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(read("吴天明月考数学考了几分？").kind()).isEqualTo(Kind.QUERY);
    }

    @Test
    void anotherAdultAnsweringByTheirWorkAndAddressAndADiscussionTheTeacherSetAreNoTalk() {
        assertThat(read("问了宿管杨叔，他讲吴天明这几天晚上都按时回寝室了。").kind()).isEqualTo(Kind.OBSERVATION);
        // the rules' reading of the answer (the kind model, a second reader, may still overrule a whole note it is sure of)
        assertThat(answersTheTeacher("我问了冰场管理员老孙,他说根本没这回事。", "他说")).isFalse();
        assertThat(answersTheTeacher("问了摆渡的老周,他讲今天没有孩子在那里打架。", "他讲")).isFalse();
        assertThat(answersTheTeacher("问了他同桌,他讲没这回事。", "他讲")).isTrue();
        // what a student says right after the class discussed something is their part in it
        assertThat(read("晚自习放了个新闻，说一个高三的离家出走三天才找回来，班上讨论了半天。吴天明说换他肯定不跑。").kind()).isEqualTo(Kind.OBSERVATION);
        // a classmate the teacher asked is a student talking with the teacher
        assertThat(read("问了他同桌，他讲吴天明这几天晚上都按时回寝室了。").kind()).isEqualTo(Kind.TALK);
        assertThat(read("班会上给孩子们念了个新闻。让他们讨论有事咋跟家里说，吴天明说他有事先找他爷。").kind()).isEqualTo(Kind.OBSERVATION);
    }
}
