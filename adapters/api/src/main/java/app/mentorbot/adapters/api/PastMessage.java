package app.mentorbot.adapters.api;

import java.time.Instant;

/**
 * One message of a person's own recent thread with the bot, for a chat page opened again (a reload).
 *
 * @param fromBot true for what the bot sent, false for what the person wrote
 */
public record PastMessage(boolean fromBot, String text, Instant at, boolean urgent) {}
