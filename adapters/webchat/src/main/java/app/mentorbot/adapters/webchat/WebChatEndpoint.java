package app.mentorbot.adapters.webchat;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.PastMessage;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/** One open chat page. Checks who it is at open, then turns each text frame into an inbound message. */
final class WebChatEndpoint extends Endpoint {
    static final String HANDSHAKE = "mentorbot.handshake";
    private final WebChatAdapter adapter;
    private final Frames frames;
    private final WebChatAccess access;

    WebChatEndpoint(WebChatAdapter adapter, Frames frames, WebChatAccess access) {
        this.adapter = adapter;
        this.frames = frames;
        this.access = access;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        @SuppressWarnings("unchecked")
        Map<String, String> cookies = (Map<String, String>) config.getUserProperties().getOrDefault(Handshakes.COOKIES, Map.of());
        WebChatAccess.Handshake handshake = new WebChatAccess.Handshake(session.getRequestParameterMap(), cookies);
        Optional<String> person = access.personFor(handshake);
        if (person.isEmpty()) {
            WebChatAdapter.sendFrame(session, frames.error("no_access", null));
            close(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "invitation required"));
            return;
        }
        String personId = person.get();
        session.setMaxTextMessageBufferSize(Frames.PART_CHARS);
        session.setMaxIdleTimeout(0);
        session.getUserProperties().put("person", personId);
        session.getUserProperties().put(HANDSHAKE, handshake); // to ask again after a sign-out
        session.addMessageHandler(String.class, new FrameParts(raw -> received(session, personId, raw)));
        // A page opened afresh (a reload) asks for the person's last days, before anything new is sent.
        if (handshake.parameters().containsKey("history")) {
            for (PastMessage m : adapter.context().history(WebChatAdapter.PLATFORM, personId)) {
                WebChatAdapter.sendFrame(session, frames.past(m));
            }
        }
        adapter.opened(personId, session);
    }

    /**
     * Reads a frame in parts so a frame of any size gets an answer: beyond {@link Frames#MAX_FRAME_CHARS}
     * the rest is dropped as it arrives and the whole frame counts as too long (null), instead of the
     * container closing the socket (1009) on a pasted essay. The container calls this one part at a time.
     */
    static final class FrameParts implements MessageHandler.Partial<String> {
        private final Consumer<String> whole;
        private final StringBuilder pending = new StringBuilder();
        private boolean tooLong;

        FrameParts(Consumer<String> whole) {
            this.whole = whole;
        }

        @Override
        public void onMessage(String part, boolean last) {
            if (!tooLong && pending.length() + part.length() > Frames.MAX_FRAME_CHARS) {
                tooLong = true;
                pending.setLength(0);
                pending.trimToSize();
            }
            if (!tooLong) pending.append(part);
            if (!last) return;
            String raw = tooLong ? null : pending.toString();
            pending.setLength(0);
            if (pending.capacity() > Frames.PART_CHARS) pending.trimToSize();
            tooLong = false;
            whole.accept(raw);
        }
    }

    private void received(Session session, String personId, String raw) {
        Frames.ClientFrame frame = frames.parse(raw);
        if (!frame.ok()) {
            WebChatAdapter.sendFrame(session, frames.error(frame.error(), frame.id()));
            return;
        }
        String clientId = frame.id() != null ? frame.id() : UUID.randomUUID().toString();
        String messageId = WebChatAdapter.messageIdFor(personId, clientId);
        String answered = adapter.recentReplyTo(messageId);
        if (answered != null) {
            // A resend after a reconnect: the pipeline would drop it as a duplicate, the page wants its answer.
            WebChatAdapter.sendFrame(session, answered);
            return;
        }
        adapter.context().sink().accept(new InboundMessage(WebChatAdapter.PLATFORM,
                messageId, personId, personId, frame.text(),
                adapter.now(), Map.of()));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        Object person = session.getUserProperties().get("person");
        if (person != null) adapter.closed((String) person, session);
    }

    @Override
    public void onError(Session session, Throwable error) {
        // Broken pipes and abrupt closes are normal for phones; onClose follows.
    }

    private static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException ignored) {
            // already gone
        }
    }
}
