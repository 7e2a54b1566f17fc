package app.mentorbot.conversations.assessments;

import java.util.Optional;

/** An area's level in a stage assessment, best first. */
public enum Level {
    GOOD, FAIRLY_GOOD, FAIR, WATCH;

    /** 好, 较好 (比较好), 一般, 需关注 (需要关注, 要关注, 关注). */
    static Optional<Level> named(String word) {
        return switch (word) {
            case "好", "很好", "优秀" -> Optional.of(GOOD);
            case "较好", "比较好", "还不错", "不错" -> Optional.of(FAIRLY_GOOD);
            case "一般", "中等", "还行" -> Optional.of(FAIR);
            case "需关注", "需要关注", "要关注", "关注", "需要注意", "待关注" -> Optional.of(WATCH);
            default -> Optional.empty();
        };
    }
}
