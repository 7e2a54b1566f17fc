package app.mentorbot.bot.cli;

import org.springframework.context.ConfigurableApplicationContext;

import app.mentorbot.bot.BotSettings;
import app.mentorbot.bot.web.Invitations;
import app.mentorbot.bot.web.WebDevices;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * {@code invite PERSON_ID}: prints a signed web chat link for one roster person; the link opens in one
 * browser only. {@code invite PERSON_ID --sign-out} signs that person's browsers out (a lost phone).
 */
public final class InviteCommand {
    private InviteCommand() {}

    public static int run(String[] args) {
        String personId = CommandContext.firstPlain(args);
        if (personId == null) {
            System.err.println("usage: java -jar mentorbot.jar invite PERSON_ID [--sign-out] [--mentorbot.public-url=https://...]");
            return 2;
        }
        boolean signOut = java.util.Arrays.asList(args).contains("--sign-out");
        String[] springArgs = java.util.Arrays.stream(CommandContext.springArgs(args)).filter(a -> !a.equals("--sign-out"))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = CommandContext.open(springArgs)) {
            BotSettings settings = context.getBean(BotSettings.class);
            var roster = context.getBean(RosterStore.class).load(settings.schoolId());
            if (Person.find(settings.schoolId(), roster, personId).isEmpty()) {
                System.err.println("名单中没有编号为 " + personId + " 的教师或家长。");
                return 1;
            }
            if (signOut) {
                int devices = context.getBean(WebDevices.class).signOut(personId);
                System.out.println("已让 " + personId + " 的 " + devices + " 个浏览器退出登录；需要时请重新发送邀请链接。");
                return 0;
            }
            String base = settings.publicUrl() != null ? settings.publicUrl()
                    : "http://localhost:" + context.getEnvironment().getProperty("server.port", "8080");
            String token = context.getBean(Invitations.class).issue(personId);
            System.out.println(base.replaceAll("/+$", "") + "/?token=" + token);
            return 0;
        } catch (RuntimeException e) {
            String polite = CommandContext.explain(e);
            System.err.println(polite != null ? polite : "invite failed: " + e);
            return polite != null ? 3 : 1;
        }
    }
}
