package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static app.mentorbot.conversations.understanding.NoteReaderTest.rulesKind;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Guardians by more local words, and who really spoke to the teacher (docs/notes.md), on the reader test's roster and on
 * masked notes read by the kind rules alone; written on Wednesday 15 April 2026.
 */
class LocalGuardiansAndWhoSpokeTest {
    @Test
    void aGuanzhongGrandmotherAfterThePronounIsAGuardian() {
        assertThat(read("早上吴天明他婆送他到校门口，拦着我说了几句，说他大他妈都在西安打工。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        // a student who misses his grandmother is no contact with her
        assertThat(read("吴天明下课来找我，说他想他婆了。").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void aHunanGrandfatherWhoCameToSchoolIsMetInPerson() {
        Note n = read("吴天明他嗲嗲今天下午到学校来交资料费，在办公室坐了一会儿，讲娃从小跟着他。");
        assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(n.channel()).isEqualTo(Channel.IN_PERSON);
    }

    @Test
    void aGuizhouOrShanxiFatherWhoRangIsAContactByPhone() {
        Note guizhou = read("吴天明他老者回电了，在浙江工地，讲娃儿从小跟他公在寨子里长大，让我该罚就罚。");
        assertThat(guizhou.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(guizhou.channel()).isEqualTo(Channel.PHONE);
        Note shanxi = read("吴天明他老子下了夜班打过来了，嗓门大得很，说这娃从小没娘管。");
        assertThat(shanxi.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(shanxi.channel()).isEqualTo(Channel.PHONE);
    }

    @Test
    void aNorthWesternFatherOnAVideoCallOrJustRangIsAContact() {
        assertThat(read("跟吴天明他大视频了。他说上个月跟娃他妈为抚养费的事吵了一架，娃在旁边都听见了。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("那个 吴天明他大刚打过来 说今天放学娃在村口让人推了一把 额说明天到校我先问问").kind()).isEqualTo(Kind.PARENT_CONTACT);
    }

    @Test
    void theTeachersMustOpeningTheNoteAfterFillersPlansWhateverPastItsReasonsTell() {
        assertThat(rulesKind("那个 今天得找□□□聊聊 上个礼拜的作业就交了一半 周测英语又不及格", 8, 0)).isEqualTo(Kind.REMINDER);
        // an exchange told after it: the must was met, and the note reports it
        assertThat(rulesKind("今天得找□□□聊聊,下午找他聊了,他说作业是落在宿舍了。", 18, 0)).isEqualTo(Kind.TALK);
    }

    @Test
    void aStudentCalledUpInClassOrBroughtBackBySomeoneElseDidNotComeToSpeak() {
        // 叫起来: called to stand up, and the dorm keeper is the one who speaks after
        assertThat(rulesKind("那个 信息课上□□□一直趴着 叫起来眼睛红红的 然后宿管杨叔讲他昨晚在被窝里哭了半夜", 21, 0)).isEqualTo(Kind.OBSERVATION);
        assertThat(rulesKind("□□找到了,在海口,跟两个比他大的人在一起,派出所的人把他送回来的,他说想去广州打工。", 21, 0)).isEqualTo(Kind.OBSERVATION);
        // the teacher who brought the student back heard them on the way
        assertThat(rulesKind("□□找着了,昨晚在火车站候车室。早上我去把他接回来,路上他讲就是想去佛山看看他老爸。", 9, 0)).isEqualTo(Kind.TALK);
    }

    @Test
    void askingAnotherAdultOfTheStudentsIsNoTalkWithTheStudent() {
        assertThat(rulesKind("班上传□□周末跟游客打起来了。问了她打工那家客栈的老板娘,讲就是客人嫌上菜慢嚷了几句,□□没动手。", 17, 0)).isEqualTo(Kind.OBSERVATION);
        // asking the student and a guardian is still a talk
        assertThat(rulesKind("上周有人说□□在外面被初中生打了,今天问了他和他依嬷,是谣言,他那天在家发烧。", 17, 0)).isEqualTo(Kind.TALK);
    }

    @Test
    void aStudentWhoHasSpokenToNoOneHasToldTheTeacherNothing() {
        assertThat(rulesKind("□□□今天道法课上一直低着头,开学这几天一直没见她跟谁说过话,中午一个人坐在楼梯口啃面包。", 17, 0)).isEqualTo(Kind.OBSERVATION);
    }

    @Test
    void whatTheAlarmedTeacherWentAndFoundAnswersTheAlarm() {
        // the model reads a knife and a cut mark where the lists see no risk: the alarm is answered
        Note knife = read("吴天明今天书包里带了把美工刀，我心里咯噔一下，找他看了，是美术课做纸雕用的。");
        assertThat(knife.flags()).doesNotContain(Flag.SAFETY, Flag.PSYCH);
        Note band = read("吴天明手腕上缠着一根黑皮筋，课上老去扯它，我心里咯噔一下，下课找他看了，就是扎头发的皮筋。");
        assertThat(band.flags()).doesNotContain(Flag.SAFETY);
        Note roof = read("晚饭后保安老黄讲，吴天明一个人在宿舍楼楼顶，我心一下提到嗓子眼，跑上去一看，他在收被子，外面要下雨了。");
        assertThat(roof.flags()).doesNotContain(Flag.SAFETY, Flag.PSYCH);
        // a finding that is a risk in its own words keeps the signal
        Note beaten = read("晚饭后听到操场那边有人喊，我心一紧，跑过去一看，吴天明让几个高年级的按在地上打，脸上都是血。");
        assertThat(beaten.flags()).contains(Flag.SAFETY);
        // what the teacher saw was play
        assertThat(read("课间听到二楼走廊一阵乱叫，冲过去一看是几个男伢崽在玩警察抓小偷，吴天明被按在地上笑得打滚。").flags()).doesNotContain(Flag.SAFETY);
    }

    @Test
    void aGuardianWhoCameForTheChildAndSpokeWaitedOrStayedIsAContact() {
        assertThat(read("吴天明他爹爹今天来接他，在校门口跟我说，伢这几个礼拜放学老往江边跑。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("吴天明的婆婆今天中午在校门口等我，说他这个月有两个晚上十一点才回家。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("家长会后吴天明他妈留下来，问期中数学为啥才57分。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("吴天明找着了，派出所民警把他送到学校来的。上午他妈赶过来，在办公室跟我讲，他爸打过他好几回。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        // a guardian who only fetched the child met no one
        assertThat(read("吴天明早上跑操把脚崴了，肿得挺高，校医给冰敷了，下午他爸来接去医院拍片子。").kind()).isEqualTo(Kind.OBSERVATION);
    }

    @Test
    void aStudentKickedByOthersIsASafetySignalAndAPerson() {
        // 高兴 is a word too: after a verb of force it is the child it was done to
        Note kicked = read("分别给两家打了电话，说了两个娃在厕所踢高兴的事。");
        assertThat(kicked.studentIds()).contains("A3");
        assertThat(kicked.flags()).contains(Flag.SAFETY);
        assertThat(read("他今天不太高兴。").studentIds()).doesNotContain("A3");
        // pushed several times, over a quarrel in a game: the game is the quarrel's, the push is force
        assertThat(read("上午把两个人分开各说了一顿 韩磊承认推了吴天明几下 说是吴天明在游戏里骂了他妈").flags()).contains(Flag.SAFETY);
    }

    @Test
    void nightsAwayCountedInEveningsAreARunningAway() {
        Note away = read("吴天明他妈发了条语音，讲他这个礼拜有三个晚上没回出租屋睡，讲是去同学家，同学家讲没这回事。");
        assertThat(away.flags()).contains(Flag.SAFETY);
        // by the lists: evenings counted and not back is a night away, evenings without an answer to a message are not
        Situations lists = new Situations(Lexicon.builtIn());
        assertThat(lists.find("他这个礼拜有三个晚上没回出租屋睡。", (t, a, b) -> true))
                .extracting(Situations.Signal::kind).contains(Situations.Kind.RUNAWAY);
        assertThat(lists.find("她这个礼拜有三个晚上没回孩子的消息。", (t, a, b) -> true)).isEmpty();
    }
}
