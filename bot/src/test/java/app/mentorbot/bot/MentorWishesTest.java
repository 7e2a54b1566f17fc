package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.testing.ChatTest;

/**
 * Teachers say in chat which students they would like to mentor, and the next match takes it as their own list:
 * 刘洋 (T01, teaches 高二(1)班 and (2)班) wants 李华 and 陈思雨, who both chose him first; without his word his eight
 * seats go to others and both get their second choice (see {@link MentorMatchingTest}). 赵强 (T03) teaches only
 * 高二(1)班, so 欧阳晓雨 of (2)班 is not taken for him.
 */
@ChatTest
class MentorWishesTest {
    @Autowired
    FakeChat chat;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;

    String placementOf(String studentId) {
        return jdbc.sql("select mentor_id || ' ' || choice_rank from match_pairing where student_id = ? order by proposal_id desc limit 1")
                .param(studentId).query(String.class).single();
    }

    @Test
    void aTeachersWishesInChatAreKeptForTheirClassesOnlyAndMakeTheirListInTheNextMatch() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone zhao = chat.as("T03")) {
            assertThat(liu.ask("我的意向学生")).isEqualTo("你还没有登记意向学生。想带哪些学生，可以说「我愿意带：李华、张小明」。");
            assertThat(liu.ask("我愿意带：李华、王五")).isEqualTo("""
                    记下了：李华。你的意向学生（按先后）：李华。下次导师匹配时会先考虑他们（最终还要看学生的志愿和名额）。
                    没有记下：王五——名单里找不到，或不是你任教班级的学生，或有同名学生（可以改说学号）。""");
            assertThat(liu.ask("我想带陈思雨，李华")).startsWith("记下了：陈思雨、李华。你的意向学生（按先后）：李华、陈思雨。");
            assertThat(zhao.ask("我想带欧阳晓雨")).startsWith("没有记下：欧阳晓雨").doesNotContain("记下了");
            assertThat(zhao.ask("我愿意带 吴桐 郑好")).startsWith("记下了：吴桐、郑好。");
            assertThat(liu.ask("我想带李华去校医室看看")).as("a note, not a list of names").startsWith("已记录：");
            assertThat(liu.ask("我的意向学生")).isEqualTo("你的意向学生（按先后）：李华、陈思雨。要清空就说「清空意向学生」。");

            RosterImportCommandTest.Run run = MentorMatchingTest.match(env, "../config/example-choices.csv");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("2 位教师在聊天中登记的意向学生").doesNotContain("李华", "陈思雨");
            assertThat(placementOf("S02")).as("李华 has his first choice, 刘洋, who asked for him").isEqualTo("T01 1");
            assertThat(placementOf("S04")).as("陈思雨 too").isEqualTo("T01 1");

            assertThat(zhao.ask("清空意向学生")).isEqualTo("已清空你的意向学生（2 名）。");
            assertThat(zhao.ask("我的意向学生")).startsWith("你还没有登记意向学生。");
            assertThat(liu.ask("我的意向学生")).as("another teacher's clearing leaves his").contains("李华、陈思雨");
        }
    }
}
