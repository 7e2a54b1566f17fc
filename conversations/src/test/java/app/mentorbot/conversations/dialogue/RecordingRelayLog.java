package app.mentorbot.conversations.dialogue;

import java.util.ArrayList;
import java.util.List;

/** Keeps every relayed message; the contact record of each is numbered from 100. */
final class RecordingRelayLog implements RelayLog {
    final List<Relayed> logged = new ArrayList<>();

    @Override
    public long log(Relayed message) {
        logged.add(message);
        return 100 + logged.size() - 1;
    }
}
