package app.mentorbot.conversations.dialogue;

import java.util.Optional;
import java.util.regex.Pattern;

import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.people.Role;
import app.mentorbot.conversations.text.Texts;

/**
 * The leadership's pages from the chat: 「全校情况」 gives an admin the signed link to the school overview, and
 * anyone else a kind no; 「我的工作量」 gives a teacher the link to their own workload line, and 「工作量」 (or
 * 「教师工作量」, 「全校工作量」) gives an admin every teacher's.
 */
final class LeadershipTalk {
    private static final Pattern OVERVIEW = Pattern.compile("^(看看?|查看|发我|给我)?(全校|学校)(整体)?(情况|概况|总览|落实情况)$");
    private static final Pattern MY_WORKLOAD = Pattern.compile("^(看看?|查看|发我|给我)?我的(育人)?工作量(统计)?$");
    private static final Pattern WORKLOAD = Pattern.compile("^(看看?|查看|发我|给我)?(教师|全校|全员育人|育人)?工作量(统计|考核)?$");

    private final Links links;
    private final Texts texts;

    LeadershipTalk(Links links, Texts texts) {
        this.links = links;
        this.texts = texts;
    }

    /** The answer, when the words ask for the overview or a workload; empty otherwise. */
    Optional<String> replyIfAsked(Person asker, String said) {
        String t = said.strip().replaceAll("[\\s。.!！?？]+", "");
        if (OVERVIEW.matcher(t).matches()) {
            if (!asker.is(Role.ADMIN)) return Optional.of(texts.get("overview.notAdmin"));
            return Optional.of(linkOrSorry(links.schoolOverview(asker.id()), "overview.link"));
        }
        boolean mine = MY_WORKLOAD.matcher(t).matches();
        if (!mine && !WORKLOAD.matcher(t).matches()) return Optional.empty();
        if (!mine && asker.is(Role.ADMIN)) return Optional.of(linkOrSorry(links.workload(asker.id(), Links.ALL_TEACHERS), "workload.allLink"));
        return Optional.of(linkOrSorry(links.workload(asker.id(), asker.id()), "workload.ownLink"));
    }

    private String linkOrSorry(String link, String key) {
        return link == null ? texts.get("duty.noPage") : texts.get(key, link);
    }
}
