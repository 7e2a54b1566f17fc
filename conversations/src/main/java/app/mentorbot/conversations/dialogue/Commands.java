package app.mentorbot.conversations.dialogue;

import java.util.Set;

/** The few fixed words a teacher may send; everything else goes to the note reader. */
final class Commands {
    private static final Set<String> UNDO = Set.of("撤销", "撤回", "撤销上一条", "撤回上一条", "undo");
    private static final Set<String> HELP = Set.of("帮助", "help", "?", "？", "怎么用", "使用说明");

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

    private static String normalised(String text) {
        return text.strip().replaceAll("[。.!！「」]+$", "").toLowerCase();
    }
}
