package app.mentorbot.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.schools.SchoolRulebook;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.pairing.Choices;
import app.mentorbot.conversations.pairing.ChoicesFile;
import app.mentorbot.conversations.pairing.Pairings;
import app.mentorbot.conversations.pairing.Proposal;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Teacher;

/**
 * {@code match FILE}: reads a choices file (.xlsx or .csv) against the roster, matches, stores the result as the
 * school's open proposal and prints a signed link to it for each class head of the classes in the file and for
 * each admin. Nothing changes in the roster until a class head says 「确认导师分配」. Like {@code import}, it runs
 * beside a running bot. It prints counts and teacher names only, never a student's name.
 */
public final class MatchCommand {
    private MatchCommand() {}

    public static int run(String[] args) {
        String fileArg = CommandContext.firstPlain(args);
        if (fileArg == null) {
            System.err.println("usage: java -jar mentorbot.jar match CHOICES.(xlsx|csv) [--mentorbot.data-dir=DIR]");
            return 2;
        }
        Path file = Path.of(fileArg);
        if (!Files.isReadable(file)) {
            System.err.println("找不到文件：" + file.toAbsolutePath());
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandContext.open(CommandContext.springArgs(args))) {
            String schoolId = CommandContext.school(args, context);
            Roster roster = context.getBean(RosterStore.class).load(schoolId);
            Choices choices = ChoicesFile.read(file, roster);
            if (!choices.ok()) {
                System.err.println("志愿表未匹配：发现 " + choices.problems().size() + " 个问题，请修改后重试（没有任何改动）。");
                choices.problems().forEach(p -> System.err.println("  - " + p));
                return 1;
            }
            SchoolRulebook rulebook = context.getBean(SchoolRulebook.class);
            Pairings.Rules rules = rulebook.settings(schoolId).pairingRules();
            Pairings pairings = context.getBean(Pairings.class);
            Clock clock = context.getBean(Clock.class);
            Proposal p = context.getBean(TransactionTemplate.class)
                    .execute(s -> pairings.propose(schoolId, roster, choices, rules, clock.instant()));
            Map<Integer, Integer> ranks = new TreeMap<>();
            p.rows().forEach(r -> ranks.merge(r.rank(), 1, Integer::sum));
            StringBuilder met = new StringBuilder();
            ranks.forEach((rank, n) -> {
                if (rank > 0) met.append("第").append(rank).append("志愿 ").append(n).append(" 名，");
            });
            System.out.printf("导师分配方案（第%d号）：%d 名学生，%s调剂 %d 名，未分到导师 %d 名（每位导师 %d 个名额%s）。%n", p.id(), p.rows().size(),
                    met, ranks.getOrDefault(0, 0), ranks.getOrDefault(-1, 0), rules.seats(), rules.ownClassesOnly() ? "，只带所教班级的学生" : "");
            int wished = pairings.wishes().all(schoolId).size();
            if (wished > 0) System.out.println(wished + " 位教师在聊天中登记的意向学生（「我愿意带：…」）已作为他们的意向名单。");
            String duties = rulebook.configured().contains(schoolId) ? "mentorbot.schools." + schoolId + ".duties" : "config/duties.yml";
            if (ranks.getOrDefault(-1, 0) > 0) System.out.println("名额不足：请增加名额（" + duties + " 的 mentor-capacity，或志愿表的教师名额）后重新匹配。");
            Links links = context.getBean(Links.class);
            for (Map.Entry<String, String> viewer : viewers(roster, p).entrySet()) {
                System.out.println(viewer.getValue() + "：" + links.pairingPage(schoolId, viewer.getKey(), p.id()));
            }
            return 0;
        } catch (RuntimeException e) {
            return CommandContext.fail("匹配失败", e);
        }
    }

    /** Class heads of the proposal's classes, then admins: id → how the line names them. */
    private static Map<String, String> viewers(Roster roster, Proposal p) {
        Map<String, String> viewers = new LinkedHashMap<>();
        for (SchoolClass c : roster.classes()) {
            boolean inProposal = p.rows().stream().anyMatch(r -> roster.student(r.studentId()).map(s -> s.classId().equals(c.id())).orElse(false));
            if (!inProposal || c.headTeacherId() == null) continue;
            String name = roster.teacher(c.headTeacherId()).map(Teacher::name).orElse(c.headTeacherId());
            viewers.merge(c.headTeacherId(), name + "（" + c.name() + " 班主任）", (a, b) -> a);
        }
        for (Teacher t : roster.teachers()) {
            if (t.admin()) viewers.putIfAbsent(t.id(), t.name() + "（管理员）");
        }
        return viewers;
    }
}
