package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The growth file and summary pages over the {@link KnownRecords}, and what every page (the digest's too) does
 * with nothing to show, with markup in the notes, and with links that are forged, expired or not the viewer's.
 */
class DigestPagesTest extends KnownRecords {
    // growth file and summary

    @Test
    void theGrowthFileHoldsEveryRecordByMonthNewestLastWithFlagsAndFollowUps() throws Exception {
        String html = page(links.growthFile("main", "T01", "S06"));
        assertThat(html).contains("黄佳怡 成长档案", "班级：高二(1)班", "导师：刘洋", "班主任：孙丽", "共 6 条记录");
        assertThat(html.indexOf("<h2>2026年1月</h2>")).isPositive().isLessThan(html.indexOf("<h2>2026年3月</h2>"));
        assertThat(html.indexOf("期末前黄佳怡情绪尚好")).isLessThan(html.indexOf("黄佳怡这两天情绪很低落"));
        assertThat(html.indexOf("黄佳怡这两天情绪很低落")).isLessThan(html.indexOf("和黄佳怡妈妈电话沟通"));
        assertThat(html.indexOf("和黄佳怡妈妈电话沟通")).isLessThan(html.indexOf("和黄佳怡单独谈心"));
        assertThat(html).contains("赵强（任课教师）", "孙丽（班主任）", "家长联系（电话）", "心理 2 次", "安全 1 次", "再找黄佳怡聊一次");
        for (long id : List.of(januaryRecord, observationByMentor, safetyObservation, callByClassHead, talkWithFollowUp)) {
            assertThat(html).contains("id=\"r" + id + "\"");
        }
        assertThat(page(links.growthFile("main", "T02", "S03"))).contains("家长：祖母").doesNotContain("电话：");
    }

    @Test
    void theSummaryCountsTheTermAndLinksEveryStatementToARecordOnThePage() throws Exception {
        String html = page(links.summaryDraft("main", "T01", "T01"));
        assertThat(html).contains("刘洋 导师工作总结（草稿）", "受导学生 8 名，本学期其中 8 名已有个别谈话", "个别谈话 9 次", "集体交流 1 次",
                "家长联系 1 次", "家访 1 次", "电话 0 次", "观察记录 1 条", "学业辅导：1 条记录", "黄佳怡（心理、家庭、安全）");
        assertThat(html).contains("赵强（任课教师）"); // the SAFETY observation behind the highlight is shown, so its link lands
        assertThat(html).doesNotContain("期末前黄佳怡情绪尚好"); // last term
        assertThat(html).contains("个别谈话", "已逾期", "杨帆");

        Matcher link = Pattern.compile("href=\"#r(\\d+)\"").matcher(html);
        List<String> targets = new ArrayList<>();
        while (link.find()) targets.add(link.group(1));
        assertThat(targets).contains(String.valueOf(talkWithFollowUp), String.valueOf(safetyObservation));
        assertThat(targets).allSatisfy(id -> assertThat(html).contains("<tr id=\"r" + id + "\">"));
        String individualStatement = html.substring(html.indexOf("个别谈话 9 次"), html.indexOf("</li>", html.indexOf("个别谈话 9 次")));
        assertThat(Pattern.compile("href=\"#r\\d+\"").matcher(individualStatement).results().count()).isEqualTo(9);
    }

    @Test
    void linksAreAbsoluteOnThisServersPortWhenNoPublicUrlIsSetSoChatAppsCanOpenThem() throws Exception {
        String base = "http://localhost:" + port;
        assertThat(links.digestPage("main", "T02", "C21")).startsWith(base + "/pages/digest/C21?viewer=T02&");
        assertThat(links.growthFile("main", "T01", "S06")).startsWith(base + "/pages/growth/S06?");
        assertThat(links.summaryDraft("main", "T01", "T01")).startsWith(base + "/pages/summary/T01?");
        assertThat(links.studentPage("main", "T01", "S06")).startsWith(base + "/pages/student/S06?");
    }

    @Test
    void onAPhoneTheDigestAndSummaryTablesScrollSidewaysInsteadOfSqueezingCells() throws Exception {
        for (String link : List.of(links.digestPage("main", "T02", "C21"), links.summaryDraft("main", "T01", "T01"), links.growthFile("main", "T01", "S06"))) {
            String html = page(link);
            assertThat(html).as(link).contains("@media (max-width:40rem){.wrap table{min-width:36rem}}", "th,td{min-width:3em}");
            assertThat(html.split("<table").length - 1).as(link).isEqualTo(html.split("<div class=\"wrap\"><table").length - 1);
        }
    }

    @Test
    void theSummaryNamesTheTermOnceWithoutADoubledWord() throws Exception {
        assertThat(page(links.summaryDraft("main", "T01", "T01"))).contains("统计期间：").contains("（2025-2026学年第二学期）").doesNotContain("学期学期");
    }

    @Test
    void theFullRecordsPageNamesEachKindInChineseAsTheDigestDoes() throws Exception {
        String html = page(links.studentPage("main", "T01", "S06"));
        assertThat(html).contains("个别谈话", "家长联系（电话）", "观察记录")
                .doesNotContain(">TALK<", ">PARENT_CONTACT<", ">OBSERVATION<", ">REMINDER<");
    }

    // nothing missing when there is nothing to show

    @Test
    void aClassWithNoRecordsRendersWithoutNullsPlaceholdersOrBrokenCharts() throws Exception {
        String html = page(links.digestPage("main", "T04", "C22"));
        assertComplete(html);
        assertThat(html).contains("高二(2)班 学情会商材料", "近 30 天", "本期个别谈话 0 次", "暂无往次会商决定。", "本期暂无关于该生的记录。");
        assertThat(svgs(html)).hasSize(2);

        jdbc.sql("insert into school_class (school_id, id, name, head_teacher_id) values ('main', 'C99', '高三(9)班', null)").update();
        rosters.forget(SCHOOL);
        try {
            String empty = page(links.digestPage("main", "T05", "C99"));
            assertComplete(empty);
            assertThat(empty).contains("本班花名册中暂无学生。", "本期没有重点学生", "本班学生暂未分配导师。", "班主任：未分配");
        } finally {
            jdbc.sql("delete from school_class where school_id = 'main' and id = 'C99'").update();
            rosters.forget(SCHOOL);
        }
        String summary = page(links.summaryDraft("main", "T05", "T05"));
        assertComplete(summary);
        assertThat(summary).contains("本学期暂无记录。", "本学期没有被标记的学生。");
        String growth = page(links.growthFile("main", "T04", "S17"));
        assertComplete(growth);
        assertThat(growth).contains("共 0 条记录", "暂无记录。", "家长：父亲");
    }

    // escaping

    @Test
    void scriptsAndAmpersandsInNotesAreEscapedOnEveryPage() throws Exception {
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 请大家关注";
        for (String link : List.of(links.digestPage("main", "T02", "C21"), links.growthFile("main", "T01", "S06"), links.summaryDraft("main", "T01", "T01"),
                links.summaryDraft("main", "T03", "T03"), links.studentPage("main", "T02", "S06"))) {
            String html = page(link);
            assertThat(html).as(link).contains(escaped).doesNotContain("<script>").doesNotContain("alert('x')");
        }
        String digest = page(links.digestPage("main", "T02", "C21"));
        assertThat(digest).contains("赵强老师检查李华的&lt;b&gt;英语作业&lt;/b&gt; &amp; 订正").doesNotContain("<b>英语作业");
    }

    // access

    @Test
    void forgedOrExpiredLinksAreRefusedPolitely() throws Exception {
        String good = links.digestPage("main", "T02", "C21");
        HttpResponse<byte[]> forged = get(good.replaceAll("sig=[^&]+", "sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(new String(forged.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("链接无效或已过期");
        assertThat(status(good.replace("viewer=T02", "viewer=T05"))).isEqualTo(403);
        assertThat(status(good.replaceAll("&sig=[^&]+", ""))).isEqualTo(403);
        assertThat(status(links.growthFile("main", "T02", "S06").replace("/pages/growth/S06", "/pages/growth/S07"))).isEqualTo(403);
        assertThat(status(links.studentPage("main", "T02", "S06").replaceAll("sig=[^&]+", "sig=x"))).isEqualTo(403);

        String growth = links.growthFile("main", "T01", "S06");
        String summary = links.summaryDraft("main", "T01", "T01");
        clock.advance(Duration.ofDays(8));
        for (String expired : List.of(good, growth, summary)) assertThat(status(expired)).as(expired).isEqualTo(403);
    }

    @Test
    void onlyTheClassHeadOrAnAdminOpensTheDigestAndOnlyThoseWhoMayReadOpenTheRest() throws Exception {
        assertThat(status(links.digestPage("main", "T02", "C21"))).isEqualTo(200);
        assertThat(status(links.digestPage("main", "T05", "C21"))).isEqualTo(200);
        HttpResponse<byte[]> notHead = get(links.digestPage("main", "T03", "C21"));
        assertThat(notHead.statusCode()).isEqualTo(403);
        assertThat(new String(notHead.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("只对本班班主任和管理员开放").doesNotContain("黄佳怡");
        assertThat(status(links.digestPage("main", "T01", "C21"))).isEqualTo(403);
        assertThat(status(links.digestPage("main", "T04", "C21"))).isEqualTo(403);
        assertThat(status(links.digestPage("main", "P01", "C21"))).isEqualTo(403);

        assertThat(status(links.growthFile("main", "T01", "S06"))).isEqualTo(200);
        assertThat(status(links.growthFile("main", "T02", "S06"))).isEqualTo(200);
        assertThat(status(links.growthFile("main", "T03", "S06"))).isEqualTo(403);
        assertThat(status(links.growthFile("main", "P01", "S01"))).isEqualTo(403);

        assertThat(status(links.summaryDraft("main", "T05", "T01"))).isEqualTo(200);
        assertThat(status(links.summaryDraft("main", "T02", "T01"))).isEqualTo(403);
        assertThat(status(links.summaryDraft("main", "P01", "P01"))).isEqualTo(403);
    }
}
