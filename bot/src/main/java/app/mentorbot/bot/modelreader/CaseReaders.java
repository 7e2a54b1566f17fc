package app.mentorbot.bot.modelreader;

import java.util.List;
import java.util.Set;

import app.mentorbot.conversations.modelreader.ModelReader;
import app.mentorbot.conversations.modelreader.TwoReadings;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.understanding.Extraction;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Note;

/**
 * {@code extract --reader rules|model|both}: the rules alone; the model alone (given the candidates the
 * rules found, as in the bot; a case it gives no usable answer to is OTHER, so a school scores its model
 * as it is); or both combined as the bot combines them.
 */
public final class CaseReaders {
    private CaseReaders() {}

    public static Extraction.CaseReader of(String which, Roster roster, ModelReader model) {
        return switch (which) {
            case "rules" -> (rules, sender, text, now) -> rules.read(sender, text, now);
            case "model" -> (rules, sender, text, now) -> model.read(roster, sender, text, now, candidates(rules.read(sender, text, now)))
                    .orElse(new Note(Kind.OTHER, null, null, List.of(), null, Set.of(), Set.of(), null, null, null, List.of()));
            case "both" -> (rules, sender, text, now) -> {
                Note first = rules.read(sender, text, now);
                return model.read(roster, sender, text, now, candidates(first)).map(m -> TwoReadings.combine(first, m).note()).orElse(first);
            };
            default -> throw new IllegalArgumentException("--reader must be rules, model or both, was " + which);
        };
    }

    private static List<String> candidates(Note n) {
        return n.clarify() != null ? n.clarify() : n.studentIds();
    }
}
