package app.mentorbot.bot.platforms;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.InboundSink;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.PastMessage;
import app.mentorbot.adapters.api.RateLimit;
import app.mentorbot.bot.outbox.AdapterGroup;
import app.mentorbot.bot.outbox.Adapters;

/**
 * A school's own app on a platform (its own DingTalk organisation, its own WeCom corp): the platform's adapter as it
 * is, named {@code <platform>@<school>} to the bot. What it receives carries that name, so the bot reads the sender
 * among the school's bindings and answers through this app; what the bot sends it gets back under the platform's
 * own name. The adapter never learns it serves a school.
 */
final class SchoolApp<A extends Adapter> implements Adapter {
    private final A app;
    private final String name;

    SchoolApp(String schoolId, A app) {
        this.app = app;
        this.name = Adapters.ofSchool(app.platform(), schoolId);
    }

    /** Each school's own app, made by {@code app}, as the bot's adapters. */
    static AdapterGroup group(Collection<String> schoolIds, Function<String, Adapter> app) {
        List<Adapter> apps = schoolIds.stream().<Adapter>map(school -> new SchoolApp<>(school, app.apply(school))).toList();
        return () -> apps;
    }

    /** The adapter itself (a WeCom callback is handed to it). */
    A app() {
        return app;
    }

    @Override
    public String platform() {
        return name;
    }

    @Override
    public void start(AdapterContext context) {
        app.start(new AdapterContext() {
            @Override
            public InboundSink sink() {
                return m -> context.sink().accept(new InboundMessage(name, m.messageId(), m.chatId(), m.senderId(), m.text(),
                        m.sentAt(), m.extras()));
            }

            @Override
            public void reachable(String platform, String chatId) {
                context.reachable(name, chatId);
            }

            @Override
            public List<PastMessage> history(String platform, String chatId) {
                return context.history(name, chatId);
            }
        });
    }

    @Override
    public Delivery send(OutboundMessage m) {
        return app.send(new OutboundMessage(m.key(), app.platform(), m.chatId(), m.recipientId(), m.text(), m.replyTo(), m.urgent()));
    }

    @Override
    public Optional<RateLimit> rateLimit() {
        return app.rateLimit();
    }

    @Override
    public boolean signsInRosterPeople() {
        return app.signsInRosterPeople();
    }

    @Override
    public boolean resendsUnconfirmed() {
        return app.resendsUnconfirmed();
    }

    @Override
    public Optional<Boolean> connectionUp() {
        return app.connectionUp();
    }

    @Override
    public void stop() {
        app.stop();
    }
}
