package app.mentorbot.bot.cli;

import java.util.Arrays;

import org.springframework.context.ConfigurableApplicationContext;

import app.mentorbot.bot.schools.Schools;
import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.bot.web.Invitations;
import app.mentorbot.bot.web.WebDevices;
import app.mentorbot.conversations.dialogue.StudentReports;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * {@code invite PERSON_ID}: prints a signed web chat link for one roster person; the link opens in one
 * browser only. A student is invited only where the school turned student accounts on. {@code invite PERSON_ID --sign-out} signs that person's browsers out and ends the page links
 * sent to them (a lost phone). {@code invite --rotate-key} replaces the deployment's signing key.
 */
public final class InviteCommand {
    private InviteCommand() {}

    public static int run(String[] args) {
        String personId = CommandContext.firstPlain(args);
        boolean rotate = Arrays.asList(args).contains("--rotate-key");
        if ((personId == null) == !rotate) {
            System.err.println("usage: java -jar mentorbot.jar invite PERSON_ID [--school=ID] [--sign-out] [--mentorbot.public-url=https://...]\n"
                    + "       java -jar mentorbot.jar invite --rotate-key");
            return 2;
        }
        boolean signOut = Arrays.asList(args).contains("--sign-out");
        String[] springArgs = Arrays.stream(CommandContext.springArgs(args))
                .filter(a -> !a.equals("--sign-out") && !a.equals("--rotate-key")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = CommandContext.open(springArgs)) {
            if (rotate) {
                context.getBean(Invitations.class).rotateKey();
                System.out.println("已更换签名密钥：之前发出的邀请链接和页面链接全部失效，已登录的浏览器不受影响。请重启其他正在运行的实例。");
                return 0;
            }
            BotSettings settings = context.getBean(BotSettings.class);
            String schoolId = CommandContext.school(args, context);
            String qualified = context.getBean(Schools.class).qualify(schoolId, personId);
            var roster = context.getBean(RosterStore.class).load(schoolId);
            if (Person.find(schoolId, roster, personId).isEmpty()) {
                System.err.println("名单中没有编号为 " + personId + " 的教师、家长或学生。");
                return 1;
            }
            if (roster.student(personId).isPresent() && !signOut
                    && !context.getBean(StudentReports.class).register(schoolId, personId)) {
                System.err.println("本校还没有开通学生账号（mentorbot.school.duties.student-reports），不能邀请学生 " + personId + "。");
                return 1;
            }
            if (signOut) {
                int devices = context.getBean(WebDevices.class).signOut(qualified);
                System.out.println("已让 " + personId + " 的 " + devices + " 个浏览器退出登录，之前发给此人的页面链接也已失效；需要时请重新发送邀请链接。");
                return 0;
            }
            String base = settings.publicUrl() != null ? settings.publicUrl()
                    : "http://localhost:" + context.getEnvironment().getProperty("server.port", "8080");
            String token = context.getBean(Invitations.class).issue(qualified);
            System.out.println(base.replaceAll("/+$", "") + "/?token=" + token);
            return 0;
        } catch (RuntimeException e) {
            return CommandContext.fail("邀请失败", e);
        }
    }
}
