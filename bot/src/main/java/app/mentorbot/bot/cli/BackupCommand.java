package app.mentorbot.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import app.mentorbot.bot.backup.Backups;
import app.mentorbot.bot.backup.Restores;
import app.mentorbot.bot.database.EmbeddedDatabaseConfig;
import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.conversations.schedule.SchoolCalendar;

/**
 * {@code backup FILE} writes the whole database (the embedded one or an external one, also while the bot runs)
 * with the signing key into one owner-only zip; {@code restore FILE} puts it back into a stopped bot's database,
 * and into one that holds data only with {@code --replace}. Neither lets Flyway migrate on opening: a backup leaves
 * the schema as it finds it, a restore migrates to the backup's version itself.
 */
public final class BackupCommand {
    /**
     * Only the database and the backup's own beans: the bot's other beans read their tables on start, and a
     * restore's target may not have tables yet. No migration on opening. Not a {@code @Configuration}, so the
     * running bot's component scan leaves it alone.
     */
    @EnableAutoConfiguration
    @EnableConfigurationProperties(BotSettings.class)
    @Import({EmbeddedDatabaseConfig.class, Backups.class, Restores.class})
    static class Bare {
        @Bean
        Clock clock() {
            return Clock.system(SchoolCalendar.ZONE);
        }
    }

    private static final List<String> NO_MIGRATION = List.of("--spring.flyway.enabled=false");

    private BackupCommand() {}

    public static int backup(String[] args) {
        String fileArg = CommandContext.firstPlain(args);
        if (fileArg == null) {
            System.err.println("usage: java -jar mentorbot.jar backup FILE.zip [--mentorbot.data-dir=DIR]");
            return 2;
        }
        try (ConfigurableApplicationContext context = open(args, Stream.empty())) {
            Backups.Summary s = context.getBean(Backups.class).write(Path.of(fileArg));
            System.out.printf("已备份到 %s：%d 张表，共 %d 行，数据库版本 V%s，含链接签名密钥。%n",
                    Path.of(fileArg).toAbsolutePath(), s.tables().size(), s.rows(), s.schemaVersion());
            System.out.println("备份含学生记录，文件仅本用户可读写（0600），请妥善保管。");
            return 0;
        } catch (RuntimeException e) {
            return CommandContext.fail("备份失败", e);
        }
    }

    public static int restore(String[] args) {
        String fileArg = CommandContext.firstPlain(args);
        boolean replace = Arrays.asList(args).contains("--replace");
        if (fileArg == null) {
            System.err.println("usage: java -jar mentorbot.jar restore FILE.zip [--replace] [--mentorbot.data-dir=DIR]");
            return 2;
        }
        if (!Files.isReadable(Path.of(fileArg))) {
            System.err.println("找不到文件：" + Path.of(fileArg).toAbsolutePath());
            return 2;
        }
        try (ConfigurableApplicationContext context = open(args, Stream.of("--replace"))) {
            if (CommandContext.besideRunningBot(context)) {
                System.err.println("机器人正在运行。请先停止机器人，再恢复备份。");
                return 3;
            }
            Backups.Summary s = context.getBean(Restores.class).restore(Path.of(fileArg), replace);
            System.out.printf("已恢复 %s 的备份（数据库版本 V%s）：%d 张表，共 %d 行。%n", s.createdAt(), s.schemaVersion(), s.tables().size(), s.rows());
            s.tables().stream().filter(t -> t.rows() > 0).sorted(java.util.Comparator.comparing(Backups.TableCount::table)).forEach(t -> System.out.printf("  %s %d%n", t.table(), t.rows()));
            System.out.println("下次启动机器人时，数据库会自动升级到当前版本。");
            return 0;
        } catch (Restores.Refused e) {
            System.err.println(switch (e.reason()) {
                case HAS_DATA -> "数据库中已有数据，未做任何改动。确认用备份替换全部现有数据，请加上 --replace 再运行。";
                case NEWER_SCHEMA -> "这份备份来自更新的版本（" + e.getMessage() + "），请用新版本恢复。数据库没有任何改动。";
                case NOT_A_BACKUP -> "这不是机器人的备份文件（" + e.getMessage() + "）。数据库没有任何改动。";
            });
            return 1;
        } catch (RuntimeException e) {
            return CommandContext.fail("恢复失败", e);
        }
    }

    private static ConfigurableApplicationContext open(String[] args, Stream<String> ownFlags) {
        List<String> own = ownFlags.toList();
        String[] spring = Stream.concat(Arrays.stream(CommandContext.springArgs(args)).filter(a -> !own.contains(a)), NO_MIGRATION.stream())
                .toArray(String[]::new);
        return CommandContext.open(Bare.class, spring);
    }
}
