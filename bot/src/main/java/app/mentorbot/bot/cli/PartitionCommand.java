package app.mentorbot.bot.cli;

import org.springframework.context.ConfigurableApplicationContext;

import app.mentorbot.bot.district.SchoolPartitioning;
import app.mentorbot.conversations.district.SchoolPartitions;

/**
 * {@code partition-by-school}: partitions the record and relay tables by school now, in one transaction, without
 * waiting for the district's threshold of schools. Run again, it only gives new schools their partitions.
 */
public final class PartitionCommand {
    private PartitionCommand() {}

    public static int run(String[] args) {
        try (ConfigurableApplicationContext context = CommandContext.open(CommandContext.springArgs(args))) {
            long started = System.nanoTime();
            SchoolPartitions.Outcome o = context.getBean(SchoolPartitioning.class).now();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (o.changedNothing()) {
                System.out.println("已按学校分区，每所学校都有自己的分区，没有任何改动。");
            } else {
                System.out.printf("已按学校分区（%s）：新建分区 %d 个，移动 %d 行，用时 %d 毫秒。%n",
                        o.converted().isEmpty() ? "新学校" : String.join("、", o.converted()), o.partitionsMade(), o.rowsMoved(), millis);
            }
            return 0;
        } catch (RuntimeException e) {
            return CommandContext.fail("按学校分区失败", e);
        }
    }
}
