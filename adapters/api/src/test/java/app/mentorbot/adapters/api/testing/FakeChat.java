package app.mentorbot.adapters.api.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.OutboundMessage;

/**
 * An in-process chat platform for dialogue tests: people are signed in by their roster id (as on the web
 * chat), {@link Phone#say} hands a message to the bot as an adapter would, and every send is recorded per
 * person. No socket, no browser: the bot's own pipeline, database and outbox do the rest.
 */
public final class FakeChat implements Adapter {
    public static final String PLATFORM = "fakechat";
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, BlockingQueue<OutboundMessage>> inboxes = new ConcurrentHashMap<>();
    private volatile AdapterContext context;

    public FakeChat(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public void start(AdapterContext context) {
        this.context = context;
    }

    @Override
    public Delivery send(OutboundMessage message) {
        inbox(message.chatId()).add(message);
        return Delivery.sent();
    }

    @Override
    public boolean signsInRosterPeople() {
        return true;
    }

    @Override
    public boolean resendsUnconfirmed() {
        return true;
    }

    /** The chat as one person sees it. */
    public Phone as(String personId) {
        return new Phone(personId);
    }

    private BlockingQueue<OutboundMessage> inbox(String chatId) {
        return inboxes.computeIfAbsent(chatId, c -> new LinkedBlockingQueue<>());
    }

    /** One person's side: what they say, and what the bot sends them. Closing it changes nothing. */
    public final class Phone implements AutoCloseable {
        private final String personId;
        private final List<String> seen = new ArrayList<>();
        private String unanswered;

        private Phone(String personId) {
            this.personId = personId;
        }

        /** Sends a message; returns its id, for {@link #replyTo}. */
        public String say(String text) {
            if (context == null) throw new IllegalStateException("the fake chat was not started by the bot");
            String id = "fake-" + ids.incrementAndGet();
            context.sink().accept(new InboundMessage(PLATFORM, id, personId, personId, text, clock.instant(), Map.of()));
            unanswered = id;
            return id;
        }

        /** The answer to what this person said last, or when they have not said anything since, the next push. */
        public String reply() throws InterruptedException {
            String waiting = unanswered;
            unanswered = null;
            return waiting == null ? next() : replyTo(waiting);
        }

        /** The next message the bot sent this person, whatever it is. */
        public String next() throws InterruptedException {
            return nextMessage().text();
        }

        /** The bot's answer to {@code messageId}, skipping pushes that arrive in between. */
        public String replyTo(String messageId) throws InterruptedException {
            for (int i = 0; i < 30; i++) {
                OutboundMessage m = nextMessage();
                if (messageId.equals(m.replyTo())) {
                    if (messageId.equals(unanswered)) unanswered = null;
                    return m.text();
                }
            }
            throw new AssertionError("no answer to " + messageId + "; seen: " + seen);
        }

        /** Says {@code text} and returns the bot's answer to it. */
        public String ask(String text) throws InterruptedException {
            return replyTo(say(text));
        }

        /** The next push (not an answer) containing {@code needle}. */
        public String pushContaining(String needle) throws InterruptedException {
            for (int i = 0; i < 30; i++) {
                OutboundMessage m = nextMessage();
                if (m.replyTo() == null && m.text().contains(needle)) return m.text();
            }
            throw new AssertionError("no push containing " + needle + "; seen: " + seen);
        }

        /** True when nothing more arrives for this person within {@code d}. */
        public boolean quietFor(Duration d) throws InterruptedException {
            OutboundMessage m = inbox(personId).poll(d.toMillis(), TimeUnit.MILLISECONDS);
            if (m != null) seen.add(m.text());
            return m == null;
        }

        private OutboundMessage nextMessage() throws InterruptedException {
            Duration wait = Patience.of(Duration.ofSeconds(10));
            OutboundMessage m = inbox(personId).poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) throw new AssertionError("nothing from the bot for " + personId + " within " + wait.toSeconds() + " s; seen: " + seen);
            seen.add(m.text());
            return m;
        }

        @Override
        public void close() {}
    }
}
