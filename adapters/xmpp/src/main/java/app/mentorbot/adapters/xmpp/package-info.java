/**
 * XMPP over WebSocket (RFC 7395) for schools that run their own chat server: {@link app.mentorbot.adapters.xmpp.XmppAdapter}
 * with its settings {@link app.mentorbot.adapters.xmpp.XmppConfig}; everything else is package-private.
 */
package app.mentorbot.adapters.xmpp;
