package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The readings the twenty-eighth pass added (docs/notes.md), on the reader test's roster; written on Wednesday
 * 15 April 2026.
 */
class RepliesAndSecondOpinionsTest {
    @Test
    void theTeachersReplyToAGuardianPlansTheDayItNames() {
        Note pasted = read("「吴天明妈妈：老师，孩子这礼拜回家一直不说话，饭也不怎么吃。」已回复，说下周一找他谈。");
        assertThat(pasted.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(pasted.followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
        Note told = read("吴天明他爷爷发来微信语音，说孩子周末在家光打游戏，让我给说说。回他说周五我找吴天明好好聊聊。");
        assertThat(told.followUp()).isEqualTo(LocalDate.of(2026, 4, 17));
        // the guardian's own words about a day are theirs, not the teacher's plan
        assertThat(read("吴天明他爷爷发来微信语音，说孩子周五要去医院复查眼睛。").followUp()).isNull();
    }

    @Test
    void aNoteHeadedByItsCallThatAsksSomeoneToShowWorkIsTheCallNotAQuery() {
        Note n = read("电话：吴天明姆妈。暑假作业数学那本一大半空着，他姆妈讲暑假在夜市摆摊，顾不上他。跟她约好每天晚上在微信上拍作业给我看。");
        assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(n.channel()).isEqualTo(Channel.PHONE);
        // asking the bot to show a record is still a query
        assertThat(read("把吴天明这学期的谈话记录给我看看").kind()).isEqualTo(Kind.QUERY);
    }

    @Test
    void aFindingByCheckingAsksNothingOfTheBot() {
        Note n = read("听冯老师讲，吴天明这个月体育课三回请假都讲肚子疼，校医那边查不出什么毛病。下周一跟他妈妈聊聊。");
        assertThat(n.kind()).isEqualTo(Kind.OBSERVATION);
        assertThat(n.followUp()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(read("查一下吴天明上学期的谈话记录").kind()).isEqualTo(Kind.QUERY);
    }

    @Test
    void aGuardianWhoRangTheTeacherIsAContactHoweverTheCallIsSaid() {
        Note n = read("吴天明他爸打过来 问期中数学为啥才考了七十一 然后跟他讲了主要是函数那块没弄懂");
        assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(n.channel()).isEqualTo(Channel.PHONE);
    }

    /** Every plain word of the built-in guardian list, after a doubled nickname, is the student's guardian writing. */
    @Test
    void everyGuardianWordOfTheBuiltInListNamesTheStudentsGuardian() throws java.io.IOException {
        java.util.List<String> words;
        try (var in = NoteReader.class.getResourceAsStream("/understanding/parent-words.txt")) {
            words = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("re:")).toList();
        }
        assertThat(words).contains("姆妈", "阿爹", "额吉");
        for (String w : words) {
            Note n = read("「郑老师，我是涵涵" + w + "，孩子这几天回家老是哭，饭也不吃。」已回复，明天找她聊聊。");
            assertThat(n.studentIds()).as(w).containsExactly("A2");
            assertThat(n.kind()).as(w).isEqualTo(Kind.PARENT_CONTACT);
        }
    }
}
