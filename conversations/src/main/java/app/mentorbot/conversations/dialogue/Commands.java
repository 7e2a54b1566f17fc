package app.mentorbot.conversations.dialogue;

import java.util.Set;

/** The few fixed words a teacher may send; everything else goes to the note reader. */
final class Commands {
    private static final Set<String> UNDO = Set.of("撤销", "撤回", "撤销上一条", "撤回上一条", "undo");
    private static final Set<String> HELP = Set.of("帮助", "help", "?", "？", "怎么用", "使用说明");

    private Commands() {}

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
