package app.mentorbot.bot.settings;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import app.mentorbot.conversations.leadership.WorkloadRules;

/** The school's workload weights for the annual review, from config/workload.yml (keys under {@code mentorbot.workload}). */
@ConfigurationProperties("mentorbot.workload")
public record WorkloadSettings(Map<String, Double> weights) {
    public WorkloadRules rules() {
        return WorkloadRules.of(weights);
    }
}
