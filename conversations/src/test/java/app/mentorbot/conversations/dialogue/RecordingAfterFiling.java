package app.mentorbot.conversations.dialogue;

import java.util.ArrayList;
import java.util.List;

/** Keeps every call of the after-filing hook. */
final class RecordingAfterFiling implements AfterFiling {
    final List<Filed> calls = new ArrayList<>();

    @Override
    public void filed(Filed filed) {
        calls.add(filed);
    }
}
