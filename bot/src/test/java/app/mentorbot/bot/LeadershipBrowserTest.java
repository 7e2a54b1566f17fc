package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.bot.testing.WebChatInBrowser;

/**
 * The leadership's pages in real Chromium at desktop size, opened from the links the bot sends in the web chat,
 * over the demo school with its sample records (nine weeks back from Wednesday 20 May 2026, twelve weeks into the
 * spring term): the admin 周敏 (T05) asks 「全校情况」, the mentor 刘洋 (T01) 「我的工作量」. Skipped without Debian's
 * {@code chromium} and {@code chromium-driver}. Screenshots go to {@code target/screenshots}, or with
 * {@code -Dscreenshots=../docs/img} to the README's images.
 */
@BotTest
@Import(LeadershipBrowserTest.MidMay.class)
@TestPropertySource(properties = {"mentorbot.demo-records=true", "mentorbot.scheduler.initial-delay=24h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadershipBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Pattern LINK = Pattern.compile("https?://\\S+/pages/\\S+");

    @TestConfiguration(proxyBeanMethods = false)
    static class MidMay {
        @Bean
        @Primary
        TestClock midMay() {
            return new TestClock(ZonedDateTime.parse("2026-05-20T10:00:00+08:00[Asia/Shanghai]"));
        }
    }

    @LocalServerPort
    int port;
    private WebDriver browser;

    @BeforeAll
    void openChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "no chromium and chromedriver on this machine");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
    }

    @AfterAll
    void closeChromium() {
        if (browser != null) browser.quit();
    }

    @Test
    void theAdminOpensTheSchoolOverviewFromTheChatWithEveryClassTheTrendAndTheMentorsBehind() throws Exception {
        String reply = chatAs("T05", "全校情况", "/pages/overview/");
        browser.get(link(reply));
        String html = browser.getPageSource();
        assertThat(html).contains("全校导师制落实情况", "高二(1)班", "高二(2)班", "本学期趋势", "最需要关心的导师");
        assertThat(browser.findElements(By.cssSelector("svg polyline"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("table tr")).size()).isGreaterThan(3);
        assertChineseFontInstalled();
        screenshot("overview.png");
    }

    @Test
    void aMentorOpensTheirOwnWorkloadLineWithTheRuleBesideEachNumber() throws Exception {
        String reply = chatAs("T01", "我的工作量", "/pages/workload/");
        browser.get(link(reply));
        String html = browser.getPageSource();
        assertThat(html).contains("刘洋 育人工作量统计", "统计口径", "每项分值", "合计得分").doesNotContain("孙丽", "钱芳");
        assertThat(browser.findElements(By.cssSelector("td.n a")).size()).as("counts linking to their records").isGreaterThan(5);
        assertChineseFontInstalled();
        screenshot("workload.png");
    }

    private static String link(String reply) {
        Matcher m = LINK.matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return m.group();
    }

    /** Opens the chat as this demo person at desktop size, sends the text, and returns the bot's message containing {@code expect}. */
    private String chatAs(String personId, String text, String expect) {
        browser.manage().window().setSize(new Dimension(1280, 900));
        return WebChatInBrowser.chatAs(browser, port, personId, text, expect);
    }

    /**
     * The screenshots are of Chinese pages: a Chinese font must be installed (.ci/chromium.sh installs
     * fonts-wqy-zenhei), else Chromium draws every character as an empty box.
     */
    private static void assertChineseFontInstalled() throws Exception {
        Process fc = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
        String fonts = new String(fc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        fc.waitFor();
        assertThat(fonts).as("fc-list :lang=zh").isNotBlank();
    }

    private void screenshot(String name) throws Exception {
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(3000, height + 160)));
        Path dir = Path.of(System.getProperty("screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
