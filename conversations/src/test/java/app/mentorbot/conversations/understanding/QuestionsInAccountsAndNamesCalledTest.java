package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static app.mentorbot.conversations.understanding.NoteReaderTest.rulesKind;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The readings the thirtieth pass added (docs/notes.md), on the reader test's roster; written on Wednesday 15 April 2026.
 */
class QuestionsInAccountsAndNamesCalledTest {
    /**
     * Whether the words at {@code word} of a note are an exchange with the teacher, by the rules; the note as the reader
     * holds it, names masked and punctuation in its ASCII forms.
     */
    private static boolean withTheTeacher(String note, String word) {
        int at = note.indexOf(word);
        return WithTheTeacher.holds(note, at, at + word.length());
    }

    /** Whether a talk word of the rules starts at {@code word}. */
    private static boolean talkWordAt(String note, String word) {
        GatedPattern.Scan m = TalkWords.TALK.scan(note);
        while (m.find()) if (m.start() == note.indexOf(word)) return true;
        return false;
    }

    @Test
    void aQuestionWithNoAskerInsideAnotherAdultsAccountIsTheirs() {
        assertThat(withTheTeacher("宿管阿姨说□□□这两天把新球鞋都分给室友了,问他为什么,他说反正以后用不着了.", "问他")).isFalse();
        assertThat(read("宿管韩师傅说，吴天明这两个礼拜饭卡老不在身上，问他，他说借给同学了。").kind()).isEqualTo(Kind.OBSERVATION);
        // the teacher's own step between the account and the question, or a question to a name, is the teacher's
        assertThat(withTheTeacher("宿管说□□□昨晚一直在哭,我问他,他说想家了.", "问他")).isTrue();
        assertThat(withTheTeacher("听宿管说昨晚宿舍有动静,今天早上一看□□□嘴角破了,问他就说是自己磕的.", "问他就说")).isTrue();
        assertThat(withTheTeacher("听宿管说□□□周二和室友吵得很凶,今天问了□□,就是为空调温度.", "问了")).isTrue();
    }

    @Test
    void callingAStudentANameOrAskingSomeoneElseIsNoTalkWithThem() {
        assertThat(talkWordAt("几个女生建了个没有她的群,在里面叫她“方便面”.", "叫她")).isFalse();
        assertThat(talkWordAt("有几个初中的伢看到她就吹口哨,喊她外号.", "喊她")).isFalse();
        assertThat(talkWordAt("下课叫她到办公室来.", "叫她")).isTrue();
        assertThat(read("吴天明在空间发了一段告别的话，打他电话没接，已经让他室友去看了。").kind()).isNotEqualTo(Kind.TALK);
        assertThat(read("吴天明今天跑步又跑了第一，县里的运动会可以让他去试试。").kind()).isEqualTo(Kind.OBSERVATION);
        // the teacher's word to the student still is one
        assertThat(read("吴天明今天又没交作业，下课叫他到办公室来补完了。").kind()).isEqualTo(Kind.TALK);
    }

    @Test
    void aGrandparentByTheirHakkaDaiOrTibetanWordIsAGuardian() {
        // the guardian speaks, not the student: no talk word starts at the pronoun before the kin word
        assertThat(talkWordAt("□□□昨晚又冇返校.今早他公公打电话来,讲伢俚周六就冇在屋里睡.", "他公公")).isFalse();
        assertThat(talkWordAt("□□她咪涛刚才打电话来 她讲昨天傍晚娃娃一个人坐在水库坝子上", "她咪涛")).isFalse();
        assertThat(talkWordAt("□□他阿库来学校了,说孩子在山上跟人抢虫草坡", "他阿库")).isFalse();
        // a child who has not come back says nothing: the one on the phone does
        assertThat(talkWordAt("今晚点名 □□又没回来 打他舅舅电话 说他周末在他姨妈家", "□□")).isFalse();
        assertThat(talkWordAt("□□下课跑过来 说想换座位", "□□")).isTrue();
        assertThat(read("吴天明昨晚又冇返校。今早他公公打电话来，讲伢俚周六就冇在屋里睡。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("吴天明她咪涛刚才打电话来，讲娃娃昨天傍晚一个人坐在水库坝子上。").kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(read("吴天明的莫啦拄着拐杖来学校了，在门卫室坐了好半天，跟她讲了孩子这几天的情况。").kind()).isEqualTo(Kind.PARENT_CONTACT);
    }

    @Test
    void aStudentReachingTheirOwnFamilyIsNoContactOfTheTeachers() {
        String letter = "□□□今晚在寝室给她阿婆写了一封信,让同寝室的同学明天帮她寄.";
        assertThat(rulesKind(letter, 21, 0)).isNotEqualTo(Kind.PARENT_CONTACT);
        String found = "□□找到了,在县城网吧过的夜.他跟他舅舅讲就是不想读了.";
        assertThat(rulesKind(found, 8, 0)).isNotEqualTo(Kind.PARENT_CONTACT);
        // the teacher reaching the same grandmother is one
        String call = "晚上给□□□她阿婆打了电话,讲了孩子这几天的情况.";
        assertThat(rulesKind(call, 21, 0)).isEqualTo(Kind.PARENT_CONTACT);
    }

    @Test
    void aDoubledUnitOfTimeBeforeATimeIsEveryDayNotAChild() {
        // 天天 is what families call 吴天明, and "every day"
        assertThat(read("许诗涵最近在班里一直讲读书没意思，天天晚上刷招工视频。").studentIds()).containsExactly("A2");
        assertThat(read("天天跟我说想换座位，说同桌老欺负他。").studentIds()).containsExactly("A4");
    }

    @Test
    void aRumourInTheParentsGroupIsNotTheChannelOfTheCallThatChecksIt() {
        Note n = read("家长群里有人讲吴天明又在外面过夜没回家，我心一紧，上午打电话问他奶奶，奶奶讲孩子昨晚就在屋里。");
        assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(n.channel()).isEqualTo(Channel.PHONE);
        // a guardian writing in the group to the teacher is still online
        assertThat(read("吴天明他妈在家长群里问我期中考试的安排，回了她。").channel()).isEqualTo(Channel.ONLINE);
    }

    @Test
    void aPersonIntroducedByNameIsThatPersonNotTheStudentAPartOfTheNameWouldBe() {
        // 一鸣 alone would be 周一鸣 (A7); 有个叫王一鸣的孩子 is someone the teacher does not know
        Note n = read("宿管说夜里有个叫王一鸣的孩子蹲在厕所里哭，劝了半天才劝回去睡。");
        assertThat(n.studentIds()).isEmpty();
        assertThat(n.clarify()).isEmpty();
        assertThat(read("有个叫周一鸣的巴郎子拎着行李到办公室找我。").studentIds()).containsExactly("A7");
    }
}
