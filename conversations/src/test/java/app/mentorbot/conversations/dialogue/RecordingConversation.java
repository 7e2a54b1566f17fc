package app.mentorbot.conversations.dialogue;

import java.util.ArrayList;
import java.util.List;

/** A conversation that answers with its own name and keeps every turn it was given. */
final class RecordingConversation implements Conversation {
    final String name;
    final List<String> heard = new ArrayList<>();

    RecordingConversation(String name) {
        this.name = name;
    }

    @Override
    public List<Reply> reply(Turn turn, String said) {
        heard.add(said);
        return List.of(Reply.back(name));
    }
}
