package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import app.mentorbot.adapters.api.testing.Patience;
import app.mentorbot.bot.testing.WebChatInBrowser;

/**
 * The chat page and the pages it links to in real Chromium at phone size (420×860): a teacher asks for the
 * digest, a parent writes to the mentor, and the digest opened from the reply has no cell narrower than two
 * characters; a class head moves a student with the proposal page's form. Skipped when Debian's {@code chromium} and {@code chromium-driver} are not installed ({@code .ci/run}
 * installs them). Screenshots go to {@code target/screenshots}, or to {@code -Dscreenshots=../docs}.
 */
class PhoneBrowserTest extends KnownRecords {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Pattern DIGEST_LINK = Pattern.compile("https?://\\S+/pages/digest/\\S+");
    private WebDriver browser;
    @Autowired
    Environment env;

    @BeforeAll
    void openChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "no chromium and chromedriver on this machine");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=420,860", "--lang=zh-CN");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        browser.manage().window().setSize(new Dimension(420, 860));
    }

    @AfterAll
    void closeChromium() {
        if (browser != null) browser.quit();
    }

    @Test
    void aTeacherOpensTheDigestFromTheChatOnAPhoneAndEveryCellIsAtLeastTwoCharactersWide() throws Exception {
        assertThat(chatAs("T02", "今天和李娜聊了选科，下周三再跟进", "已记录")).contains("李娜");
        String reply = chatAs("T02", "发我会商材料", "/pages/digest/");
        screenshot("phone-chat.png");
        Matcher link = DIGEST_LINK.matcher(reply);
        assertThat(link.find()).as(reply).isTrue();

        browser.get(link.group());
        assertThat(browser.getPageSource()).contains("学情会商材料");
        assertNoCellNarrowerThanTwoCharacters();
        screenshot("phone-digest.png");

        browser.get(links.growthFile("main", "T02", "S06"));
        assertThat(browser.getPageSource()).contains("成长档案");
        assertNoCellNarrowerThanTwoCharacters();
        screenshot("phone-growth.png");
    }

    @Test
    void aClassHeadMovesAStudentOnTheProposalPageOnHerPhone() throws Exception {
        RosterImportCommandTest.Run run = MentorMatchingTest.match(env, "../config/example-choices.csv");
        assertThat(run.exit()).as(run.err()).isZero();
        Matcher link = Pattern.compile("https?://\\S+/pages/pairing/\\S+").matcher(chatAs("T02", "导师分配方案", "/pages/pairing/"));
        assertThat(link.find()).isTrue();
        browser.get(link.group());
        WebElement row = browser.findElement(By.xpath("//tr[td[text()='S02']]"));
        new Select(row.findElement(By.name("mentor"))).selectByValue("T02");
        row.findElement(By.cssSelector("button[name=student]")).click();
        new WebDriverWait(browser, Patience.of(Duration.ofSeconds(20))).until(b -> b.getPageSource().contains("已把 李华 调给 孙丽老师"));
        assertThat(browser.getPageSource()).contains("导师 孙丽：5 名", "（孙丽 调整）");
        assertNoCellNarrowerThanTwoCharacters();
        screenshot("phone-pairing.png");
    }

    @Test
    void aParentWritesToTheMentorFromThePhone() throws Exception {
        String reply = chatAs("P01", "刘老师您好，小明这周作业有点多，想了解一下", "转达");
        assertThat(reply).contains("刘洋");
    }

    /** Opens the chat as this demo person, sends the text, and returns the first bot message containing {@code expect}. */
    private String chatAs(String personId, String text, String expect) {
        return WebChatInBrowser.chatAs(browser, port, personId, text, expect);
    }

    @SuppressWarnings("unchecked")
    private void assertNoCellNarrowerThanTwoCharacters() {
        List<Map<String, Object>> narrow = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('td,th')).map(function (c) {"
                        + " return {text: c.textContent.slice(0, 20), width: c.getBoundingClientRect().width,"
                        + " font: parseFloat(getComputedStyle(c).fontSize)}; })"
                        + ".filter(function (c) { return c.width < 2 * c.font; });");
        assertThat(browser.findElements(By.cssSelector("td")).size()).isPositive();
        assertThat(narrow).as("cells narrower than two characters at 420×860").isEmpty();
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
