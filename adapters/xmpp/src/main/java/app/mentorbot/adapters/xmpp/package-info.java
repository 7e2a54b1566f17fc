/**
 * XMPP over WebSocket (RFC 7395) for schools that run their own chat server: {@link app.mentorbot.adapters.xmpp.XmppAdapter}
 * with its settings {@link app.mentorbot.adapters.xmpp.XmppConfig}; everything else is package-private: {@code Link}
 * is one WebSocket, {@code XmppLogin} the stream negotiation, {@code Inbound} maps messages, {@code Rooms} keeps the
 * class rooms, {@code Xml} parses and escapes.
 */
package app.mentorbot.adapters.xmpp;
