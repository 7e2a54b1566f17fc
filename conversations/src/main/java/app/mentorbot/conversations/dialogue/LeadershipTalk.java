package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import app.mentorbot.conversations.leadership.DistrictGrants;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.people.Role;
import app.mentorbot.conversations.text.Texts;

/**
 * The leadership's pages from the chat: 「全校情况」 gives an admin the signed link to the school overview, and
 * anyone else a kind no; 「我的工作量」 gives a teacher the link to their own workload line, and 「工作量」 (or
 * 「教师工作量」, 「全校工作量」) gives an admin every teacher's. Where one deployment serves a district, 「全区情况」
 * gives an admin of the district office the link to every school's figures, and a school's admin decides with
 * 「允许教育局查看」 / 「取消教育局查看」 whether the district's admins see below the school's figures.
 */
final class LeadershipTalk {
    private static final Pattern OVERVIEW = Pattern.compile("^(看看?|查看|发我|给我)?(全校|学校)(整体)?(情况|概况|总览|落实情况)$");
    private static final Pattern MY_WORKLOAD = Pattern.compile("^(看看?|查看|发我|给我)?我的(育人)?工作量(统计)?$");
    private static final Pattern WORKLOAD = Pattern.compile("^(看看?|查看|发我|给我)?(教师|全校|全员育人|育人)?工作量(统计|考核)?$");

    private static final Pattern DISTRICT = Pattern.compile("^(看看?|查看|发我|给我)?(全区|全县|区里|各校)(整体)?(情况|概况|总览|落实情况)$");
    private static final Pattern GRANT = Pattern.compile("^(允许|同意|授权)(区教育局|教育局|区里|县教育局)(查看|看)(本校|我校|学校)?(详情|名单|明细)?$");
    private static final Pattern REVOKE = Pattern.compile("^(取消|收回|撤销)(区教育局|教育局|区里|县教育局)(的)?(查看|看)(权限)?$");

    private final Links links;
    private final Texts texts;
    private final DistrictGrants grants;
    private final Clock clock;

    LeadershipTalk(Links links, Texts texts, DistrictGrants grants, Clock clock) {
        this.links = links;
        this.texts = texts;
        this.grants = grants;
        this.clock = clock;
    }

    /** The answer, when the words ask for the overview or a workload; empty otherwise. */
    Optional<String> replyIfAsked(Person asker, String said) {
        String t = said.strip().replaceAll("[\\s。.!！?？]+", "");
        if (OVERVIEW.matcher(t).matches()) {
            if (!asker.is(Role.ADMIN)) return Optional.of(texts.get("overview.notAdmin"));
            return Optional.of(linkOrSorry(links.schoolOverview(asker.schoolId(), asker.id()), "overview.link"));
        }
        if (DISTRICT.matcher(t).matches()) {
            String link = asker.is(Role.ADMIN) ? links.districtOverview(asker.schoolId(), asker.id()) : null;
            return Optional.of(link == null ? texts.get("district.notDistrict") : texts.get("district.link", link));
        }
        boolean grant = GRANT.matcher(t).matches();
        if (grant || REVOKE.matcher(t).matches()) {
            if (!asker.is(Role.ADMIN)) return Optional.of(texts.get("district.notAdmin"));
            if (grant) return Optional.of(texts.get(grants.grant(asker.schoolId(), asker.id(), clock.instant()) ? "district.granted" : "district.grantedBefore"));
            return Optional.of(texts.get(grants.revoke(asker.schoolId(), asker.id(), clock.instant()) ? "district.revoked" : "district.revokedBefore"));
        }
        boolean mine = MY_WORKLOAD.matcher(t).matches();
        if (!mine && !WORKLOAD.matcher(t).matches()) return Optional.empty();
        if (!mine && asker.is(Role.ADMIN)) return Optional.of(linkOrSorry(links.workload(asker.schoolId(), asker.id(), Links.ALL_TEACHERS), "workload.allLink"));
        return Optional.of(linkOrSorry(links.workload(asker.schoolId(), asker.id(), asker.id()), "workload.ownLink"));
    }

    private String linkOrSorry(String link, String key) {
        return link == null ? texts.get("duty.noPage") : texts.get(key, link);
    }
}
