package app.mentorbot.bot.cli;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Entry point. Without a command it runs the bot; {@code extract}, {@code import FILE}, {@code match CHOICES}, {@code invite PERSON_ID},
 * {@code student-data}, {@code people}, {@code backup FILE}, {@code restore FILE}, {@code archive FILE.zip} and {@code partition-by-school} are one-shot commands that share the bot's configuration. It lives with the
 * commands, above every other package, and configures the whole of {@code app.mentorbot.bot}.
 */
@SpringBootApplication(scanBasePackages = "app.mentorbot.bot")
@ConfigurationPropertiesScan("app.mentorbot.bot")
@EnableScheduling
public class MentorBot {

    public static void main(String[] args) {
        String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "run";
        String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
        int exit = switch (command) {
            case "run" -> {
                SpringApplication.run(MentorBot.class, rest);
                yield -1;
            }
            case "extract" -> ExtractCommand.run(rest);
            case "import" -> ImportCommand.run(rest);
            case "match" -> MatchCommand.run(rest);
            case "invite" -> InviteCommand.run(rest);
            case "student-data" -> StudentDataCommand.run(rest);
            case "people" -> PeopleCommand.run(rest);
            case "backup" -> BackupCommand.backup(rest);
            case "restore" -> BackupCommand.restore(rest);
            case "archive" -> ArchiveCommand.run(rest);
            case "partition-by-school" -> PartitionCommand.run(rest);
            default -> {
                System.err.println("unknown command: " + command + "\nusage: mentorbot.jar [run | extract --roster R.json | import FILE | match CHOICES | invite PERSON_ID | student-data export|erase STUDENT_ID | people [--class C] [--role R] | backup FILE | restore FILE [--replace] | archive [--term T] FILE.zip | partition-by-school]");
                yield 2;
            }
        };
        if (exit >= 0) System.exit(exit);
    }
}
