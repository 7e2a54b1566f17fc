package app.mentorbot.conversations.dialogue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few fixed words a teacher may send; everything else goes to the note reader. */
final class Commands {
    private static final Set<String> UNDO = Set.of("撤销", "撤回", "撤销上一条", "撤回上一条", "undo");
    private static final Set<String> HELP = Set.of("帮助", "help", "?", "？", "怎么用", "使用说明");

    private static final Pattern CHOICE = Pattern.compile("^\\s*(?:第)?([1-9])(?:个|位)?\\s*[。.!！]?\\s*$");
    private static final Set<String> SWITCH_CHILD = Set.of("换孩子", "切换孩子", "换一个孩子", "切换", "换");

    private Commands() {}

    static boolean isSwitchChild(String text) {
        return SWITCH_CHILD.contains(normalised(text));
    }

    static boolean isUndo(String text) {
        return UNDO.contains(normalised(text));
    }

    static boolean isHelp(String text) {
        return HELP.contains(normalised(text));
    }

    /** True when the words are a number picked from a list the bot offered (2, 第2个, 2。). */
    static boolean isChoice(String text) {
        return CHOICE.matcher(text).matches();
    }

    /** The option a number picks (「2」, 「第2个」); empty for another number, or when the words are no number. */
    static <T> Optional<T> chosen(String text, List<T> options) {
        Matcher m = CHOICE.matcher(text);
        if (!m.matches()) return Optional.empty();
        int n = Integer.parseInt(m.group(1));
        return n <= options.size() ? Optional.of(options.get(n - 1)) : Optional.empty();
    }

    private static String normalised(String text) {
        return text.strip().replaceAll("[。.!！「」]+$", "").toLowerCase();
    }
}
