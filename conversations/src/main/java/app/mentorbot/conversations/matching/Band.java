package app.mentorbot.conversations.matching;

import java.util.Arrays;
import java.util.Optional;

/** A student's achievement band (层次) as schools mix them across mentors: 尖子生、边缘生、特长生、学困生. */
public enum Band {
    TOP("尖子"), BORDERLINE("边缘"), TALENTED("特长"), STRUGGLING("学困");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    /** The short Chinese word (尖子, 边缘, 特长, 学困). */
    public String label() {
        return label;
    }

    /** The band a cell names (「尖子」, 「尖子生」, 「学困生」…); empty for a blank or unknown cell. */
    public static Optional<Band> of(String cell) {
        if (cell == null) return Optional.empty();
        String t = cell.strip().replaceFirst("生$", "");
        return Arrays.stream(values()).filter(b -> b.label.equals(t) || b.name().equalsIgnoreCase(t)).findFirst();
    }
}
