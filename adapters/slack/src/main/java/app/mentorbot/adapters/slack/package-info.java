/**
 * Slack: Socket Mode in ({@code apps.connections.open} → WebSocket, envelopes acked after the sink took
 * them), {@code chat.postMessage} out. Public API: {@link app.mentorbot.adapters.slack.SlackAdapter},
 * {@link app.mentorbot.adapters.slack.SlackOptions}; the rest is package-private. One live Socket Mode link is
 * {@code Link}, the reconnecting around it {@code SocketModeClient}. Setup for a school's IT admin: the README's
 * "Slack (Socket Mode)" section.
 */
package app.mentorbot.adapters.slack;
