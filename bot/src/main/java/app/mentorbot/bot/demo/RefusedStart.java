package app.mentorbot.bot.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused on purpose shows its reason and what to do, not a stack trace (registered in META-INF/spring.factories). */
class RefusedStart extends AbstractFailureAnalyzer<Modes.DemoOnRealRoster> {
    @Override
    protected FailureAnalysis analyze(Throwable root, Modes.DemoOnRealRoster cause) {
        return new FailureAnalysis(cause.getMessage(), "去掉 --mentorbot.demo=true（或设置 mentorbot.demo=false）后重新启动。", cause);
    }
}
