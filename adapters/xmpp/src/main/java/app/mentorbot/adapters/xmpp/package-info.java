/** XMPP over WebSocket (RFC 7395) for schools that run their own chat server. */
package app.mentorbot.adapters.xmpp;
