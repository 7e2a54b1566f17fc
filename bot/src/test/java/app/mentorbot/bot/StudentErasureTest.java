package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.adapters.api.testing.Patience;
import app.mentorbot.bot.cli.StudentDataCommand;
import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.ChatClient;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestDatabase;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * An admin exports and then erases everything about 杨帆 (S05, mother P05): afterwards no table holds
 * the name or the ids, while what others wrote about other children stays.
 */
@BotTest
@Import(SchoolDayClock.class)
class StudentErasureTest {
    static String url;


    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RosterStore rosters;
    @Autowired
    app.mentorbot.bot.web.Invitations invitations;
    @Value("${spring.datasource.url}")
    String datasourceUrl;

    String[] args(String... command) {
        List<String> a = new ArrayList<>(List.of(command));
        a.add("--spring.datasource.url=" + datasourceUrl);
        a.add("--spring.datasource.username=" + TestDatabase.user());
        a.add("--spring.datasource.password=" + TestDatabase.password());
        return a.toArray(String[]::new);
    }

    List<String> cellsContaining(String needle) {
        return cellsContaining(jdbc, needle);
    }

    /** Every text, json and array cell of every table that contains {@code needle}. */
    static List<String> cellsContaining(JdbcClient jdbc, String needle) {
        List<String> hits = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.sql("""
                select table_name, column_name from information_schema.columns
                where table_schema = 'public' and data_type in ('text', 'jsonb', 'ARRAY', 'character varying')""").query().listOfRows();
        for (Map<String, Object> c : columns) {
            String sql = "select count(*) from " + c.get("table_name") + " where " + c.get("column_name") + "::text like ?";
            long n = jdbc.sql(sql).param("%" + needle + "%").query(Long.class).single();
            if (n > 0) hits.add(c.get("table_name") + "." + c.get("column_name") + " (" + n + ")");
        }
        return hits;
    }

    /**
     * A term's talk about 杨帆 (S05): notes, a correction, the mother's message and the reply, a conference decision,
     * a guidance plan changed and confirmed, a stage assessment sent home, and the draft of the plan's next version.
     */
    static void talkAboutYangFan(int port) throws Exception {
        try (ChatClient liu = ChatClient.as(port, "T01"); ChatClient sun = ChatClient.as(port, "T02");
             ChatClient mother = ChatClient.as(port, "P05")) {
            liu.replyTo(liu.say("今天中午跟杨帆谈了，他说被高年级同学欺负，下周三再跟进"));
            liu.replyTo(liu.say("不对，是昨天"));
            liu.replyTo(liu.say("和王子轩、杨帆一起聊了学习计划"));
            liu.replyTo(liu.say("杨帆最近迷上打游戏，经常熬夜"));
            mother.replyTo(mother.say("刘老师好，我是杨帆妈妈，孩子最近回家不太说话"));
            liu.replyTo(liu.say("回复杨帆妈妈 好的，我明天找他聊聊"));
            sun.replyTo(sun.say("会商决定：杨帆每周谈话一次，联系心理老师"));
            liu.replyTo(liu.say("给杨帆定个计划"));
            liu.replyTo(liu.say("目标改成：不再被欺负，遇事敢跟老师说"));
            liu.replyTo(liu.say("确认"));
            liu.replyTo(liu.say("给杨帆做阶段评估"));
            liu.replyTo(liu.say("心理：被欺负的事说开了，情绪好多了"));
            liu.replyTo(liu.say("发给家长"));
            liu.replyTo(liu.say("确认"));
            liu.replyTo(liu.say("给杨帆定个计划")); // a draft of the next version stays open
            liu.replyTo(liu.say("今天和张小明单独谈心，聊了数学"));
        }
    }

    @Test
    void anAdminExportsThenErasesEverythingAboutOneStudent() throws Exception {
        talkAboutYangFan(port);
        // The mother also opened an invitation link in her browser.
        java.net.http.HttpResponse<Void> opened = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/?token=" + invitations.issue("P05"))).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from web_device where person_id = 'P05'").query(Long.class).single()).isEqualTo(1);
        assertThat(cellsContaining("杨帆")).isNotEmpty();

        RosterImportCommandTest.Run export = RosterImportCommandTest.capture(() -> StudentDataCommand.run(args("export", "S05")));
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("\"name\" : \"杨帆\"").contains("被高年级同学欺负").contains("孩子最近回家不太说话")
                .contains("打游戏").contains("\"guidancePlans\"").contains("不再被欺负，遇事敢跟老师说")
                .contains("\"stageAssessments\"").contains("情绪好多了").doesNotContain("张小明单独谈心");

        RosterImportCommandTest.Run refused = RosterImportCommandTest.capture(() -> StudentDataCommand.run(args("erase", "S05")));
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--yes");
        assertThat(cellsContaining("杨帆")).isNotEmpty();

        RosterImportCommandTest.Run erase = RosterImportCommandTest.capture(() -> StudentDataCommand.run(args("erase", "S05", "--yes")));
        assertThat(erase.exit()).as(erase.err()).isZero();
        assertThat(erase.out()).contains("已删除学生 S05");
        // The command ran in its own process; the running bot's roster forgets the student within seconds,
        // so no reminder or nudge brings the id back.
        long deadline = System.nanoTime() + Patience.of(java.time.Duration.ofSeconds(10)).toNanos();
        while (rosters.load("main").student("S05").isPresent() && System.nanoTime() < deadline) Thread.sleep(200);
        assertThat(rosters.load("main").student("S05")).isEmpty();

        assertThat(cellsContaining("杨帆")).as("the name is nowhere").isEmpty();
        assertThat(cellsContaining("S05")).as("the student id is nowhere").isEmpty();
        assertThat(cellsContaining("P05")).as("the mother's id is nowhere").isEmpty();
        assertThat(cellsContaining("欺负")).as("the records only about them, and their plan, are gone").isEmpty();
        assertThat(jdbc.sql("select count(*) from guidance_plan where student_id = 'S05'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from stage_assessment where student_id = 'S05'").query(Long.class).single()).isZero();
        assertThat(cellsContaining("情绪好多了")).as("the assessment, its chat and the feedback sent home are gone").isEmpty();
        assertThat(jdbc.sql("select note from record r join record_student s on s.record_id = r.id where s.student_id = 'S03'")
                .query(String.class).list()).as("the shared group talk stays, for 王子轩").singleElement().asString()
                .contains("王子轩").contains("（已删除）");
        assertThat(cellsContaining("张小明单独谈心")).as("other children's records stay").isNotEmpty();
    }
}
