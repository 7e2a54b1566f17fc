package app.mentorbot.bot.schools;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import app.mentorbot.bot.settings.SchoolOverrides;
import app.mentorbot.bot.settings.SchoolSettings;
import app.mentorbot.conversations.assessments.AssessmentDays;
import app.mentorbot.conversations.duties.LedgerRules;
import app.mentorbot.conversations.text.Texts;

/**
 * Each school's calendar, duty rules, assessment points and scheduler times: the deployment's
 * ({@code mentorbot.school}) with what the school sets under {@code mentorbot.schools.<id>} in their place. Built
 * once per school and kept (they never change while the bot runs); every school that sets nothing shares the
 * deployment's one set, so a single-school deployment works exactly as it did before schools had their own.
 */
@Component
public class SchoolRulebook {
    /** One school's rules, built together. */
    private record Rules(SchoolSettings settings, LedgerRules ledger, AssessmentDays assessments) {}

    private final SchoolSettings deployment;
    private final Map<String, SchoolSettings.Own> own;
    private final Texts texts;
    private final Rules shared;
    private final Map<String, Rules> bySchool = new ConcurrentHashMap<>();

    SchoolRulebook(SchoolSettings deployment, SchoolOverrides overrides, Texts texts) {
        this.deployment = deployment;
        this.own = overrides.schools();
        this.texts = texts;
        this.shared = build(deployment);
        own.keySet().forEach(this::rules); // a school's broken calendar stops the start, as the deployment's does
    }

    /** The schools that set something of their own. */
    public Set<String> configured() {
        return own.keySet();
    }

    /** The school's settings: its own parts, the deployment's for the rest. */
    public SchoolSettings settings(String schoolId) {
        return rules(schoolId).settings();
    }

    /** The school's calendar and duty rules. */
    public LedgerRules ledgerRules(String schoolId) {
        return rules(schoolId).ledger();
    }

    /** The school's stage assessment points: its {@code assessments}, else the Monday after each of its exam weeks. */
    public AssessmentDays assessmentDays(String schoolId) {
        return rules(schoolId).assessments();
    }

    private Rules rules(String schoolId) {
        SchoolSettings.Own its = schoolId == null ? null : own.get(schoolId);
        return its == null ? shared : bySchool.computeIfAbsent(schoolId, id -> build(deployment.with(its)));
    }

    private Rules build(SchoolSettings s) {
        LedgerRules ledger = new LedgerRules(s.calendar(), s.rules());
        return new Rules(s, ledger, new AssessmentDays(s.assessmentPoints(), ledger.calendar(), texts.get("assessment.stage.afterExam"),
                texts.get("assessment.stage.default")));
    }
}
