package app.mentorbot.bot.testing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** What the application logs during each test ({@code @RegisterExtension CapturedLogs logs = new CapturedLogs();}). */
public final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @Override
    public void beforeEach(ExtensionContext context) {
        captured.list.clear();
        captured.start();
        root.addAppender(captured);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root.detachAppender(captured);
    }

    /** Each line logged at {@code level} or above, its exception's message after it. */
    public List<String> atLeast(Level level) {
        return new ArrayList<>(captured.list).stream().filter(e -> e.getLevel().isGreaterOrEqual(level))
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
                .toList();
    }
}
