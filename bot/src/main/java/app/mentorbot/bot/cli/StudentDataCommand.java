package app.mentorbot.bot.cli;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import app.mentorbot.bot.privacy.BotStudentRows;
import app.mentorbot.conversations.privacy.StudentData;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * {@code student-data export STUDENT_ID} prints everything held about a student as JSON;
 * {@code student-data erase STUDENT_ID --yes} erases it, in one transaction. For the school's admin
 * answering a family's request under PIPL.
 */
public final class StudentDataCommand {
    private StudentDataCommand() {}

    public static int run(String[] args) {
        String[] plain = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        boolean yes = java.util.Arrays.asList(args).contains("--yes");
        if (plain.length != 2 || !(plain[0].equals("export") || plain[0].equals("erase"))) {
            System.err.println("usage: java -jar mentorbot.jar student-data export STUDENT_ID > student.json\n"
                    + "       java -jar mentorbot.jar student-data erase STUDENT_ID --yes");
            return 2;
        }
        if (plain[0].equals("erase") && !yes) {
            System.err.println("删除不可恢复。确认要删除学生 " + plain[1] + " 的全部数据，请加上 --yes 再运行。");
            return 2;
        }
        String[] springArgs = java.util.Arrays.stream(CommandContext.springArgs(args)).filter(a -> !a.equals("--yes")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = CommandContext.open(springArgs)) {
            String schoolId = CommandContext.school(args, context);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            StudentData data = new StudentData(jdbc, context.getBean(RosterStore.class), context.getBean(RecordStore.class),
                    List.of(new BotStudentRows(jdbc)));
            if (plain[0].equals("export")) {
                Map<String, Object> out = data.export(schoolId, plain[1]);
                System.out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(out));
                return 0;
            }
            StudentData.Erasure e = context.getBean(TransactionTemplate.class).execute(s -> data.erase(schoolId, plain[1]));
            System.out.printf("已删除学生 %s 的全部数据：删除记录 %d 条，共享记录中去除 %d 条，消息脱敏 %d 条，提醒 %d 条，家长 %d 位。%n",
                    plain[1], e.recordsDeleted(), e.recordsRedacted(), e.messagesRedacted(), e.remindersDeleted(), e.parentsDeleted());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("名单中没有学生 " + plain[1] + "。");
            return 1;
        } catch (RuntimeException e) {
            return CommandContext.fail("学生数据操作失败", e);
        }
    }
}
