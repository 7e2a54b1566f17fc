package app.mentorbot.bot.testing;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.mentorbot.adapters.api.testing.Patience;

/** The web chat driven in a real browser (waits longer on a loaded machine, {@link Patience}), as the browser tests talk to the bot (demo mode: {@code #as=} picks the person). */
public final class WebChatInBrowser {
    private WebChatInBrowser() {}

    /** Opens the chat as this demo person, sends the text, and returns the first bot message containing {@code expect}. */
    public static String chatAs(WebDriver browser, int port, String personId, String text, String expect) {
        browser.get("http://localhost:" + port + "/#as=" + personId);
        WebDriverWait wait = new WebDriverWait(browser, Patience.of(Duration.ofSeconds(20)));
        WebElement input = wait.until(b -> {
            WebElement i = b.findElement(By.id("input"));
            return i.isDisplayed() ? i : null;
        });
        input.sendKeys(text);
        wait.until(b -> b.findElement(By.id("send")).isEnabled());
        browser.findElement(By.id("send")).click();
        return wait.until(b -> b.findElements(By.cssSelector(".msg.bot")).stream().map(WebElement::getText)
                .filter(t -> t.contains(expect)).findFirst().orElse(null));
    }
}
