package app.mentorbot.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.district.SchoolPartitioning;
import app.mentorbot.bot.demo.Modes;
import app.mentorbot.conversations.roster.RosterFile;
import app.mentorbot.conversations.roster.RosterFileReader;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * {@code import FILE}: loads a roster (.json, .xlsx or .csv) into the bot's database, all or nothing.
 * The file is read and checked before the database is touched; a bad file is refused with every
 * problem listed. With the embedded database and a bot running, the import goes through that bot's server,
 * and the bot sees the new roster at once.
 */
public final class ImportCommand {
    private ImportCommand() {}

    public static int run(String[] args) {
        String fileArg = CommandContext.firstPlain(args);
        if (fileArg == null) {
            System.err.println("usage: java -jar mentorbot.jar import ROSTER.(json|xlsx|csv) [--mentorbot.data-dir=DIR]");
            return 2;
        }
        Path file = Path.of(fileArg);
        if (!Files.isReadable(file)) {
            System.err.println("找不到文件：" + file.toAbsolutePath());
            return 2;
        }
        RosterFile parsed = RosterFileReader.read(file);
        if (!parsed.ok()) {
            System.err.println("名单未导入：发现 " + parsed.problems().size() + " 个问题，请修改后重新导入（数据库没有任何改动）。");
            parsed.problems().forEach(p -> System.err.println("  - " + p));
            return 1;
        }
        try (ConfigurableApplicationContext context = CommandContext.open(CommandContext.springArgs(args))) {
            String schoolId = CommandContext.school(args, context);
            RosterStore store = context.getBean(RosterStore.class);
            context.getBean(SchoolPartitioning.class).forSchool(schoolId); // a district partitioned by school: before, not inside, the import
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            int[] identities = new int[1];
            RosterStore.ImportSummary summary = tx.execute(s -> {
                RosterStore.ImportSummary result = store.replace(schoolId, parsed.roster());
                identities[0] = store.bindIdentities(schoolId, parsed.identities());
                context.getBean(Modes.class).retire(); // a real school: demo mode ends for good
                return result;
            });
            System.out.printf("名单已导入：%d 个班级，%d 位教师，%d 名学生，%d 位家长。%n",
                    parsed.roster().classes().size(), parsed.roster().teachers().size(),
                    parsed.roster().students().size(), parsed.roster().parents().size());
            if (summary.changedNothing() && identities[0] == 0) {
                System.out.println("与数据库中的名单完全相同，没有任何改动。");
            } else {
                System.out.printf("新增 %d，更新 %d，停用 %d，未变 %d；平台账号绑定变更 %d。%n",
                        summary.added(), summary.changed(), summary.deactivated(), summary.unchanged(), identities[0]);
            }
            return 0;
        } catch (RuntimeException e) {
            return CommandContext.fail("导入失败", e);
        }
    }
}
