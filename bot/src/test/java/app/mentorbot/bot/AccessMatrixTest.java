package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.conversations.dialogue.Links;

/**
 * Who may do what, every cell through the real chat (and the signed page): admin 周敏 (T05), class head
 * of 高二(1)班 孙丽 (T02), mentor 刘洋 (T01, also teaches 高二(2)班), subject teacher of 高二(1)班 赵强 (T03),
 * 钱芳 (T04, head and teacher of 高二(2)班 only), 张小明's mother (P01) and 李华's father (P02).
 * 张小明 (S01) is in 高二(1)班 with mentor T01; 张小敏 (S17) in 高二(2)班 with mentor T04.
 */
@ChatTest
@Import(SchoolDayClock.class)
class AccessMatrixTest {

    @Autowired
    FakeChat chat;
    @Autowired
    WebApplicationContext web;
    @Autowired
    Links links;

    static String say(String action, String student) {
        return switch (action) {
            case "WRITE" -> "今天和" + student + "谈心，聊了学习";
            case "READ" -> student + "最近的记录";
            case "CODE" -> "绑定码 " + student + ("张小明".equals(student) ? "妈妈" : "爸爸");
            case "ASSESS" -> student + "的阶段评估";
            case "REPLY" -> "回复" + student + ("张小明".equals(student) ? "妈妈" : "爸爸") + " 您好，我是老师";
            default -> throw new IllegalArgumentException(action);
        };
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({
            // who, action, student, outcome
            "T05, WRITE, 张小明, ALLOWED",
            "T05, READ,  张小明, ALLOWED",
            "T05, CODE,  张小明, ALLOWED",
            "T05, REPLY, 张小明, REFUSED",
            "T02, WRITE, 张小明, ALLOWED",
            "T02, READ,  张小明, ALLOWED",
            "T02, CODE,  张小明, ALLOWED",
            "T02, REPLY, 张小明, ALLOWED",
            "T02, READ,  张小敏, REFUSED",
            "T02, WRITE, 张小敏, REFUSED",
            "T01, WRITE, 张小明, ALLOWED",
            "T01, READ,  张小明, ALLOWED",
            "T01, CODE,  张小明, ALLOWED",
            "T01, REPLY, 张小明, ALLOWED",
            "T01, WRITE, 张小敏, ALLOWED",
            "T01, READ,  张小敏, REFUSED",
            "T01, CODE,  张小敏, REFUSED",
            "T01, REPLY, 张小敏, REFUSED",
            "T03, WRITE, 张小明, ALLOWED",
            "T03, READ,  张小明, REFUSED",
            "T03, CODE,  张小明, REFUSED",
            "T03, REPLY, 张小明, REFUSED",
            "T03, WRITE, 张小敏, REFUSED",
            "T04, WRITE, 张小明, REFUSED",
            "T04, READ,  张小明, REFUSED",
            "T04, CODE,  张小明, REFUSED",
            "T04, REPLY, 张小明, REFUSED",
            "T04, READ,  张小敏, ALLOWED",
            "P01, WRITE, 张小明, RELAYED",
            "P01, READ,  张小明, RELAYED",
            "P01, CODE,  张小明, RELAYED",
            "P01, REPLY, 张小明, RELAYED",
            "P02, READ,  张小明, RELAYED",
            "P02, WRITE, 张小明, RELAYED",
            "T05, ASSESS, 张小明, ALLOWED",
            "T02, ASSESS, 张小明, ALLOWED",
            "T01, ASSESS, 张小明, ALLOWED",
            "T03, ASSESS, 张小明, REFUSED",
            "T04, ASSESS, 张小明, REFUSED",
            "T04, ASSESS, 张小敏, ALLOWED",
            "P01, ASSESS, 张小明, RELAYED",
            "P02, ASSESS, 张小明, RELAYED",
    })
    void everyRoleGetsWhatItMayAndIsRefusedTheRest(String who, String action, String student, String outcome) throws Exception {
        try (FakeChat.Phone phone = chat.as(who)) {
            String answer = phone.ask(say(action, student));
            switch (outcome) {
                case "ALLOWED" -> assertThat(answer).as(answer).containsAnyOf("已记录", "的最近记录", "还没有记录", "的绑定码", "已发送给",
                        "的阶段评估：", "还没有阶段评估");
                case "REFUSED" -> assertThat(answer).as(answer).containsAnyOf("没有记录。", "不能查看", "只有学生的导师", "不是你的受导学生")
                        .doesNotContain("的阶段评估：")
                        .doesNotContain("已记录：").doesNotContain("的绑定码").doesNotContain("已发送给");
                case "RELAYED" -> assertThat(answer).as(answer).contains("已转达").doesNotContain("最近记录").doesNotContain("绑定码：")
                        .doesNotContain("还没有阶段评估");
                default -> throw new IllegalArgumentException(outcome);
            }
        }
    }

    @ParameterizedTest(name = "{0} opens 张小明''s page: {1}")
    @CsvSource({"T05, 200", "T02, 200", "T01, 200", "T03, 403", "T04, 403", "P01, 403", "P02, 403"})
    void theFullRecordPageOpensOnlyForThoseWhoMayReadIt(String viewer, int status) throws Exception {
        String link = links.studentPage("main", viewer, "S01");
        int answered = MockMvcBuilders.webAppContextSetup(web).build().perform(get(URI.create(link))).andReturn().getResponse().getStatus();
        assertThat(answered).isEqualTo(status);
    }
}
