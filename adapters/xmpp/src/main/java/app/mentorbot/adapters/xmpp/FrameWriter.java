package app.mentorbot.adapters.xmpp;

import java.io.IOException;

/** Where stanzas go out: the live WebSocket, or a recording writer in tests. */
interface FrameWriter {
    void send(String frame) throws IOException;
}
