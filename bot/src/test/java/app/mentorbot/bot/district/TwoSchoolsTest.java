package app.mentorbot.bot.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.adapters.api.testing.Patience;
import app.mentorbot.bot.schedule.SlotScheduler;
import app.mentorbot.bot.testing.ChatClient;
import app.mentorbot.bot.testing.RunningBot;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.bot.testing.TestDatabase;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.roster.RosterStore;
import tools.jackson.databind.JsonNode;

/**
 * One deployment, two schools whose rosters use the same ids and the same names (the home school "main" and
 * "east"), two bot instances on one database. A person of east is named {@code T01@east} on the web chat.
 * Each school's teacher files notes, a reminder and a conference; then every table is searched for each
 * school's words, and every row that holds them must belong to that school.
 */
class TwoSchoolsTest {
    /** Words only the home school's notes use, and only east's. */
    private static final String MAIN_WORDS = "篮球赛前的紧张情绪";
    private static final String EAST_WORDS = "书法比赛后的失落情绪";
    private static String db;
    private static RunningBot a;
    private static RunningBot b;
    private static final Map<String, List<String>> said = new java.util.HashMap<>();

    @BeforeAll
    static void twoSchoolsOnTwoInstances() throws Exception {
        db = TestDatabase.newDatabase();
        Map<String, String> settings = Map.of("mentorbot.scheduler.initial-delay", "1h", "mentorbot.district.id", "qu");
        a = RunningBot.start(db, settings);
        b = RunningBot.start(db, settings);
        String example = Files.readString(Path.of("../config/example-school.json"));
        Roster east = RosterJson.read(new ByteArrayInputStream(example.replace("示范中学（演示）", "东城中学").getBytes(StandardCharsets.UTF_8)));
        Roster office = RosterJson.read(new ByteArrayInputStream("""
                {"school": "城区教育局", "classes": [], "students": [], "parents": [],
                 "teachers": [{"id": "D01", "name": "马明", "subject": "基础教育科", "classes": [], "admin": true},
                              {"id": "D02", "name": "白云", "subject": "基础教育科", "classes": []}]}
                """.getBytes(StandardCharsets.UTF_8)));
        a.bean(TransactionTemplate.class).executeWithoutResult(s -> {
            a.bean(RosterStore.class).replace("east", east);
            a.bean(RosterStore.class).replace("qu", office);
        });
        try (ChatClient liu = ChatClient.as(a.port(), "T01"); ChatClient eastLiu = ChatClient.as(b.port(), "T01@east");
             ChatClient sun = ChatClient.as(a.port(), "T02"); ChatClient eastSun = ChatClient.as(b.port(), "T02@east")) {
            said.put("main", List.of(liu.replyTo(liu.say("今天和张小明单独谈心，聊了" + MAIN_WORDS + "，下周三再跟进")),
                    liu.replyTo(liu.say("提醒我3月18号和张小明聊" + MAIN_WORDS)),
                    sun.replyTo(sun.say("这个月的学情会商定在3月27日下午"))));
            said.put("east", List.of(eastLiu.replyTo(eastLiu.say("今天和张小明单独谈心，聊了" + EAST_WORDS + "，下周四再跟进")),
                    eastLiu.replyTo(eastLiu.say("提醒我3月19号和张小明聊" + EAST_WORDS)),
                    eastSun.replyTo(eastSun.say("这个月的学情会商定在3月26日下午"))));
        }
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
    }

    @Test
    void eachSchoolsTeacherIsConfirmedTheirOwnNoteAboutTheirOwnStudent() {
        assertThat(said.get("main").get(0)).startsWith("已记录").contains("张小明").contains("3月18日");
        assertThat(said.get("east").get(0)).startsWith("已记录").contains("张小明").contains("3月19日");
        assertThat(a.jdbc().sql("select school_id from record where note like ? and deleted_at is null").param("%" + EAST_WORDS + "%")
                .query(String.class).list()).isNotEmpty().containsOnly("east");
        assertThat(a.jdbc().sql("select school_id from record where note like ? and deleted_at is null").param("%" + MAIN_WORDS + "%")
                .query(String.class).list()).isNotEmpty().containsOnly("main");
    }

    @Test
    void aTeacherAskingAboutAStudentSeesOnlyTheirOwnSchoolsRecords() throws Exception {
        try (ChatClient eastLiu = ChatClient.as(a.port(), "T01@east"); ChatClient liu = ChatClient.as(b.port(), "T01")) {
            String east = eastLiu.replyTo(eastLiu.say("张小明最近的记录"));
            String main = liu.replyTo(liu.say("张小明最近的记录"));
            assertThat(east).contains("书法比赛").doesNotContain("篮球赛");
            assertThat(main).contains("篮球赛").doesNotContain("书法比赛");
        }
    }

    /** Every table with a school_id column (read after the two schools' notes, from the same database). */
    static Stream<String> tablesWithSchoolId() {
        return a.jdbc().sql("select table_name from information_schema.columns where table_schema = current_schema() "
                + "and column_name = 'school_id' order by 1").query(String.class).list().stream();
    }

    @ParameterizedTest(name = "{0}: a row holding one school''s words belongs to that school")
    @MethodSource("tablesWithSchoolId")
    void noRowOfOneSchoolCarriesTheOtherSchoolsWords(String table) {
        for (String column : a.jdbc().sql("select column_name from information_schema.columns where table_schema = current_schema() "
                        + "and table_name = ? and data_type in ('text', 'character varying', 'jsonb', 'json')")
                .param(table).query(String.class).list()) {
            for (Map.Entry<String, String> words : Map.of("main", MAIN_WORDS, "east", EAST_WORDS).entrySet()) {
                List<String> schools = a.jdbc().sql("select distinct school_id from " + table + " where " + column + "::text like ?")
                        .param("%" + words.getValue() + "%").query(String.class).list();
                assertThat(schools).as("%s.%s holding %s's words", table, column, words.getKey())
                        .allMatch(words.getKey()::equals);
            }
        }
    }

    @Test
    void fourSchedulerRunsOnTwoInstancesSendEachSchoolsWeeklySummaryAndRemindersOnce() throws Exception {
        try (ChatClient liu = ChatClient.as(a.port(), "T01"); ChatClient eastLiu = ChatClient.as(b.port(), "T01@east");
             ChatClient liuOnB = ChatClient.as(b.port(), "T01"); ChatClient eastLiuOnA = ChatClient.as(a.port(), "T01@east")) {
            for (String at : List.of("2026-03-13T16:30:00+08:00[Asia/Shanghai]", "2026-03-18T07:30:00+08:00[Asia/Shanghai]",
                    "2026-03-19T07:30:00+08:00[Asia/Shanghai]")) {
                ZonedDateTime when = ZonedDateTime.parse(at);
                for (RunningBot bot : List.of(a, b)) bot.bean(TestClock.class).set(when);
                CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> a.bean(SlotScheduler.class).runDue(when.toInstant())),
                        CompletableFuture.runAsync(() -> b.bean(SlotScheduler.class).runDue(when.toInstant())),
                        CompletableFuture.runAsync(() -> a.bean(SlotScheduler.class).runDue(when.toInstant())),
                        CompletableFuture.runAsync(() -> b.bean(SlotScheduler.class).runDue(when.toInstant()))).join();
                sentBeforeTheClockMovesOn();
            }
            List<String> main = drain(liu, liuOnB);
            List<String> east = drain(eastLiu, eastLiuOnA);
            assertThat(main).filteredOn(t -> t.startsWith("本周小结")).hasSize(1);
            assertThat(east).filteredOn(t -> t.startsWith("本周小结")).hasSize(1);
            assertThat(main).filteredOn(t -> t.startsWith("今天的提醒") && t.contains(MAIN_WORDS)).hasSize(1);
            assertThat(east).filteredOn(t -> t.startsWith("今天的提醒") && t.contains(EAST_WORDS)).hasSize(1);
            assertThat(main).noneMatch(t -> t.contains(EAST_WORDS));
            assertThat(east).noneMatch(t -> t.contains(MAIN_WORDS));
            assertThat(a.jdbc().sql("select school_id || ' ' || job || ' ' || count(*) from slot_run group by school_id, job order by 1")
                    .query(String.class).list()).containsExactly("east reminders 3", "east weekly-summary 1",
                    "main reminders 3", "main weekly-summary 1");
        }
    }

    @Test
    void aPageLinkOpensOnlyForItsOwnSchoolsViewer() throws Exception {
        Links links = a.bean(Links.class);
        String eastLink = links.growthFile("east", "T01", "S01");
        String mainLink = links.growthFile("main", "T01", "S01");
        assertThat(eastLink).contains("viewer=T01%40east");
        assertThat(body(eastLink)).contains(EAST_WORDS.substring(0, 4)).doesNotContain(MAIN_WORDS.substring(0, 3));
        assertThat(body(mainLink)).contains(MAIN_WORDS.substring(0, 3)).doesNotContain(EAST_WORDS.substring(0, 4));
        String forged = eastLink.replace("viewer=T01%40east", "viewer=T01");
        assertThat(status(forged)).as("the signature names the school too").isEqualTo(403);
        String eastAdminOverview = links.schoolOverview("east", "T05");
        assertThat(status(eastAdminOverview.replace("/pages/overview/east", "/pages/overview/main")))
                .as("east's admin's link turned to main's overview").isEqualTo(403);
        assertThat(status(eastAdminOverview)).isEqualTo(200);
        assertThat(status(links.schoolOverview("east", "T01"))).as("east's teacher is no admin").isEqualTo(403);
    }

    @Test
    void theDistrictsAdminSeesEverySchoolsFiguresAndBelowThemOnlyWhereTheSchoolAllowed() throws Exception {
        String link;
        try (ChatClient ma = ChatClient.as(a.port(), "D01@qu"); ChatClient bai = ChatClient.as(a.port(), "D02@qu");
             ChatClient eastAdmin = ChatClient.as(b.port(), "T05@east"); ChatClient liu = ChatClient.as(b.port(), "T01")) {
            String reply = ma.replyTo(ma.say("全区情况"));
            assertThat(reply).contains("全区导师制落实情况");
            link = reply.substring(reply.indexOf("http"));
            assertThat(bai.replyTo(bai.say("全区情况"))).as("a district clerk who is no admin").contains("只对教育局的管理员开放");
            assertThat(liu.replyTo(liu.say("全区情况"))).as("a school's teacher").contains("只对教育局的管理员开放");
            assertThat(liu.replyTo(liu.say("允许教育局查看"))).as("only a school's admin grants").contains("只有学校管理员");

            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String page = body(browser, link);
            assertThat(page).contains("东城中学").contains("示范中学").doesNotContain("张小明").doesNotContain("刘洋");
            String eastOverview = "http://localhost:" + a.port() + page.substring(page.indexOf("/pages/overview/east"), page.indexOf("\"", page.indexOf("/pages/overview/east")))
                    .replace("&amp;", "&");
            assertThat(body(a.bean(Links.class).schoolOverview("east", "T05"))).as("east's own admin sees the mentors furthest behind")
                    .contains("刘洋");
            assertThat(body(browser, eastOverview)).as("the district, without the school's grant, does not").contains("东城中学")
                    .doesNotContain("刘洋");
            assertThat(status(browser, eastOverview + "&flagged=C21")).as("names below the figures, not granted").isEqualTo(403);

            assertThat(eastAdmin.replyTo(eastAdmin.say("允许教育局查看"))).contains("已允许");
            assertThat(status(browser, eastOverview + "&flagged=C21")).isEqualTo(200);
            assertThat(body(browser, link)).contains("学校已允许查看名单").contains("仅汇总数字");
            assertThat(eastAdmin.replyTo(eastAdmin.say("取消教育局查看"))).contains("已收回");
            assertThat(status(browser, eastOverview + "&flagged=C21")).isEqualTo(403);
            assertThat(a.jdbc().sql("select granted_by || ' ' || coalesce(revoked_by, '-') from district_grant where school_id = 'east'")
                    .query(String.class).list()).as("who allowed and who took it back stay on record").containsExactly("T05 T05");
        }
    }

    /**
     * The test's clocks jump days ahead: a row one instance has claimed and not yet marked sent would look due again to
     * the other one, which no real clock does. So each step's messages go out before the next step.
     */
    private static void sentBeforeTheClockMovesOn() throws InterruptedException {
        long until = System.nanoTime() + Patience.of(Duration.ofSeconds(20)).toNanos();
        while (a.jdbc().sql("select count(*) from outbox where status = 'PENDING' and chat_id in ('T01', 'T01@east')")
                .query(Long.class).single() > 0) {
            assertThat(System.nanoTime()).as("the step's messages sent").isLessThan(until);
            Thread.sleep(50);
        }
    }

    /** Everything pushed to one person's pages (open on both instances). */
    private static List<String> drain(ChatClient... pages) throws InterruptedException {
        List<String> texts = new ArrayList<>();
        for (ChatClient c : pages) {
            JsonNode f;
            while ((f = c.next(2000)) != null) texts.add(f.path("text").asString());
        }
        return texts;
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String body(String url) throws Exception {
        return body(HTTP, url);
    }

    private static String body(HttpClient browser, String url) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    private static int status(String url) throws Exception {
        return status(HTTP, url);
    }

    private static int status(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
