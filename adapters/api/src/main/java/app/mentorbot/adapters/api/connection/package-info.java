/**
 * What the platform adapters share for talking to a platform, so each does it one way: {@link
 * app.mentorbot.adapters.api.connection.ReconnectLoop} keeps a socket connected, waiting between attempts as a
 * {@link app.mentorbot.adapters.api.connection.Backoff} says; {@link app.mentorbot.adapters.api.connection.RecentMap}
 * remembers a bounded number of recent messages; {@link app.mentorbot.adapters.api.connection.SafeXml} parses XML
 * from strangers without DOCTYPEs or external entities. No platform SDK here: the sockets stay in the adapters.
 */
package app.mentorbot.adapters.api.connection;
