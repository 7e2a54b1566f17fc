package app.mentorbot.conversations.modelreader;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.understanding.Note;

/**
 * The second reader: the school's own language model reads a note the rules have read already. It
 * never decides alone ({@link TwoReadings} combines) and never fails loudly: a late, refused, malformed
 * or off-schema answer is counted and dropped, and the rules' reading stands. Logs say what happened,
 * never what the note said.
 *
 * <p>Built only when the school turned it on: there is no instance, hence no connection, otherwise.
 */
public final class ModelReader {
    private static final Logger log = LoggerFactory.getLogger(ModelReader.class);

    private final Completions server;
    private final String model;
    private final ModelReaderCounters counters;

    public ModelReader(Completions server, String model, ModelReaderCounters counters) {
        this.server = Objects.requireNonNull(server, "server");
        if (model == null || model.isBlank()) throw new IllegalArgumentException("mentorbot.reader.model.model must name the model");
        this.model = model;
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    public ModelReaderCounters counters() {
        return counters;
    }

    /**
     * The model's reading of {@code text}, or empty when it gave none we can use. {@code candidates}:
     * the students the rules found or considered; with the sender's mentees, the only ids it may answer.
     */
    public Optional<Note> read(Roster roster, String senderId, String text, ZonedDateTime now, Collection<String> candidates) {
        ZonedDateTime at = now.withZoneSameInstant(SchoolCalendar.ZONE);
        Map<String, Student> offered = ModelRequest.offered(roster, senderId, candidates);
        String body = ModelRequest.body(model, roster, offered, text, at);
        counters.called();
        String answer;
        try {
            answer = server.complete(body);
        } catch (Completions.TimedOut e) {
            counters.timedOut();
            log.info("model reader: no answer in time; the rules' reading stands");
            return Optional.empty();
        } catch (IOException e) {
            counters.failed();
            log.info("model reader: {}; the rules' reading stands", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            counters.failed();
            return Optional.empty();
        }
        Optional<Note> note = ModelAnswer.read(answer, offered.keySet(), at.toLocalDate());
        if (note.isEmpty()) {
            counters.invalid();
            log.info("model reader: an answer that is not a valid reading was dropped");
        }
        return note;
    }
}
