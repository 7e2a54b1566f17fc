package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/** Word lists a school can extend from files, and impossible dates that the dialogue must ask about. */
class LexiconAndDoubtsTest {
    static final Roster ROSTER = new Roster("测试中学",
            List.of(new SchoolClass("K1", "初二(1)班", "M1")),
            List.of(new Teacher("M1", "袁老师", "数学", List.of("K1"), false)),
            List.of(new Student("A1", "白若溪", "K1", "M1"), new Student("A2", "平安", "K1", "M1")),
            List.of());
    static final ZonedDateTime NOW = ZonedDateTime.parse("2026-02-26T20:00:00+08:00");   // a Thursday

    @Test
    void builtInListsAreLoadedFromResourceFiles() {
        Lexicon lx = Lexicon.builtIn();
        assertThat(lx.entries("topic-life")).contains("手机", "失眠");
        assertThat(lx.entries("surnames")).contains("欧阳", "王");
        assertThat(lx.entries("names-that-are-words")).contains("高兴", "平安", "谢天谢地");
        assertThat(Lexicon.builtIn()).isSameAs(lx);
        assertThatThrownBy(() -> lx.entries("no-such-list")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSchoolsFilesAddEntriesToTheBuiltInOnes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("topic-academic.txt"), "# 本校说法\n晚修\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("channel-online.txt"), "\uFEFF学乐云  # 学校的家校平台\n", StandardCharsets.UTF_8);
        Lexicon lx = Lexicon.withAdditions(dir);
        assertThat(lx.entries("topic-academic")).contains("晚修", "成绩");
        assertThat(lx.entries("channel-online")).contains("学乐云", "微信");

        String note = "白若溪晚修总是讲话，今天用学乐云和她妈妈沟通了";
        Note builtIn = new NoteReader(ROSTER).read("M1", note, NOW);
        Note extended = new NoteReader(ROSTER, lx).read("M1", note, NOW);
        assertThat(builtIn.channel()).isNull();
        assertThat(extended.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(extended.channel()).isEqualTo(Channel.ONLINE);
        assertThat(extended.topics()).contains(Topic.ACADEMIC);
    }

    @Test
    void aMissingFolderAddsNothingAndAnUnknownFileOrBadPatternFailsEarly(@TempDir Path dir) throws Exception {
        assertThat(Lexicon.withAdditions(dir.resolve("absent"))).isSameAs(Lexicon.builtIn());
        Files.writeString(dir.resolve("topic-lfie.txt"), "晚修\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Lexicon.withAdditions(dir)).hasMessageContaining("topic-lfie");
        Files.delete(dir.resolve("topic-lfie.txt"));
        Files.writeString(dir.resolve("flag-safety.txt"), "re:(打架\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Lexicon.withAdditions(dir)).hasMessageContaining("flag-safety.txt:1");
    }

    @Test
    void aCantoneseNoteIsReadAsMandarinWithItsOffsetsKept() {
        NoteReader reader = new NoteReader(ROSTER);
        String note = "白若溪琴晚冇返屋企，电话一直熄机，佢妈妈揾咗成晚都揾唔到";
        Note n = reader.read("M1", note, NOW);
        assertThat(n.studentIds()).containsExactly("A1");
        assertThat(n.flags()).contains(Flag.SAFETY);
        assertThat(n.date()).isEqualTo(NOW.toLocalDate().minusDays(1));   // 琴晚 is last night
        assertThat(NoteText.of(note).simple).hasSameSizeAs(note).startsWith("白若溪昨晚没回家里");
        // 话 is 说 only in a Cantonese note: elsewhere it is speech, and 电话 stays a phone call
        assertThat(NoteText.of("佢话听日唔想返学，打咗电话俾佢妈妈").simple).isEqualTo("他说明天不想上学,打了电话给他妈妈");
        assertThat(NoteText.of("白若溪话不多，跟家长打交道").simple).isEqualTo("白若溪话不多,跟家长打交道");
    }

    @Test
    void aDialectEntryOfUnequalLengthFailsEarly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("dialect.txt"), "# 本地话\n得闲=有空\n咩=什么\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Lexicon.withAdditions(dir)).hasMessageContaining("dialect.txt:3").hasMessageContaining("same length");
        Files.writeString(dir.resolve("dialect.txt"), "得闲=有空\n", StandardCharsets.UTF_8);
        assertThat(NoteText.of("佢今日得闲", new Dialect(Lexicon.withAdditions(dir))).simple).isEqualTo("他今日有空");
    }

    @Test
    void theShippedConfigFolderLoads() throws Exception {
        Path shipped = Path.of("../config/lexicon");
        if (Files.isDirectory(shipped)) assertThat(Lexicon.withAdditions(shipped).entries("topic-life")).contains("手机");
    }

    @Test
    void anImpossibleDateIsNotGuessedButRaisedAsADoubt() {
        NoteReader reader = new NoteReader(ROSTER);
        Note feb30 = reader.read("M1", "2月30日下午和白若溪谈了一次，她说数学跟不上", NOW);
        assertThat(feb30.kind()).isEqualTo(Kind.TALK);
        assertThat(feb30.date()).isNull();
        assertThat(feb30.doubts()).containsExactly(Note.DATE_IMPOSSIBLE + "2月30日");

        Note month13 = reader.read("M1", "13月5日开家长会", NOW);
        assertThat(month13.kind()).isEqualTo(Kind.REMINDER);
        assertThat(month13.followUp()).isNull();
        assertThat(month13.doubts()).containsExactly(Note.DATE_IMPOSSIBLE + "13月5日");

        Note apr31 = reader.read("M1", "4.31找白若溪谈话", NOW);
        assertThat(apr31.followUp()).isNull();
        assertThat(apr31.doubts()).containsExactly(Note.DATE_IMPOSSIBLE + "4.31");

        Note fine = reader.read("M1", "2月25日和白若溪谈了一次", NOW);
        assertThat(fine.date()).hasToString("2026-02-25");
        assertThat(fine.doubts()).isEmpty();
        // a number with a dot is not a date at all
        assertThat(reader.read("M1", "白若溪这次考了85.5分", NOW).doubts()).isEmpty();
    }

    @Test
    void extractionAnswersNullDateAndListsTheDoubt() {
        var answer = Extraction.extractLine(new NoteReader(ROSTER),
                "{\"id\":\"x\",\"now\":\"2026-02-26T20:00:00+08:00\",\"sender\":\"M1\",\"text\":\"2月30日和白若溪谈了谈\"}");
        assertThat(answer.get("date").isNull()).isTrue();
        assertThat(answer.get("doubts").get(0).asString()).isEqualTo("DATE_IMPOSSIBLE:2月30日");
    }

    @Test
    void theOldElevenComponentConstructorStillWorks() {
        Note n = new Note(Kind.OTHER, null, null, List.of(), null, null, null, null, null, null, null);
        assertThat(n.doubts()).isEmpty();
    }

    @Test
    void flagsFromAParentsOwnStateOrANegatedClauseDoNotLeak() {
        NoteReader reader = new NoteReader(ROSTER);
        assertThat(reader.read("M1", "白若溪妈妈打电话来，说自己最近一直很焦虑，经常失眠", NOW).flags()).isEmpty();
        assertThat(reader.read("M1", "和白若溪聊了聊，她说同桌父母离婚了，同桌最近情绪很低落", NOW).flags()).isEmpty();
        assertThat(reader.read("M1", "和白若溪聊了聊，她说并没有被同学欺负", NOW).flags()).isEmpty();
        assertThat(reader.read("M1", "白若溪妈妈打电话来，说孩子最近一直很焦虑，晚上偷偷哭", NOW).flags()).contains(Flag.PSYCH);
        assertThat(reader.read("M1", "和白若溪谈了，她说被高年级同学欺负", NOW).flags()).contains(Flag.SAFETY);
    }
}
