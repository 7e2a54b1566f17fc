package app.mentorbot.bot.schools;

import java.util.List;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, one warning when {@code mentorbot.schools} names a school this deployment has no roster for (a typo, or
 * a school not imported yet): its settings wait unused until {@code import FILE --school=ID} brings that school in.
 */
@Component
@ConditionalOnWebApplication
class UnknownSchoolsWarning {
    private static final Logger log = LoggerFactory.getLogger(UnknownSchoolsWarning.class);
    private final SchoolRulebook rulebook;
    private final Schools schools;

    UnknownSchoolsWarning(SchoolRulebook rulebook, Schools schools) {
        this.rulebook = rulebook;
        this.schools = schools;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        List<String> unknown = unknown();
        if (!unknown.isEmpty()) {
            log.warn("mentorbot.schools sets a calendar or duties for {}, which name no imported school (served: {}); "
                    + "these settings are not used until a roster is imported with --school=ID", unknown, schools.all());
        }
    }

    /** The configured school ids with no school of their own here, sorted. */
    List<String> unknown() {
        TreeSet<String> unknown = new TreeSet<>(rulebook.configured());
        unknown.removeAll(schools.all());
        return List.copyOf(unknown);
    }
}
