package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.bot.web.SignedLinks;

/**
 * The demo school starts with a term of sample records up to today, so its digest shows a few key students, not all.
 * The digest counts the days since the class's last conference, and the demo's first class meets on the 3rd of the
 * month, so the test reads it late in a month: from the 4th the period is only days long and holds few talks (it
 * failed on a run that crossed midnight into 4 December).
 */
@BotTest
@TestPropertySource(properties = "mentorbot.demo-records=true")
@Import(DemoRecordsTest.LateInAMonth.class)
class DemoRecordsTest {
    @TestConfiguration(proxyBeanMethods = false)
    static class LateInAMonth {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(ZonedDateTime.parse("2026-03-26T15:00:00+08:00[Asia/Shanghai]"));
        }
    }

    @Autowired
    SignedLinks links;

    @Test
    void theDemoDigestShowsAClassAtWorkWithAFewKeyStudents() throws Exception {
        String html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(links.digestPage("main", "T02", "C21"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher glance = Pattern.compile("全班 (\\d+) 名学生。本期个别谈话 (\\d+) 次.*?重点学生 (\\d+) 名").matcher(html);
        assertThat(glance.find()).as(html).isTrue();
        assertThat(Integer.parseInt(glance.group(2))).as("individual talks this period").isGreaterThanOrEqualTo(Integer.parseInt(glance.group(1)));
        assertThat(Integer.parseInt(glance.group(3))).as("key students").isBetween(1, 5);
        assertThat(html).contains("本期被标记");
        assertThat(html).as("the demo's one stage assessment, in the class head's digest").contains("<th>最近阶段评估</th>", "心理需关注", "未评估");
    }

    @Test
    void theStudentWhoseLowMoodWasNotedHasAPlanAndHalfMonthReportsOnTheirGrowthFile() throws Exception {
        String html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(links.growthFile("main", "T01", "S03"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(html).contains("王子轩").contains("指导计划").contains("情绪逐步稳定").contains("半月汇报").contains("错题本坚持在记");
    }
}
