package app.mentorbot.adapters.xmpp;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import app.mentorbot.adapters.api.connection.SafeXml;

/**
 * XML in and out. Over WebSocket every frame is one complete element (RFC 7395 §3.3), so each frame is
 * parsed on its own, with {@link SafeXml}'s parser (one per thread): it refuses DOCTYPEs (so no entity
 * expansion, no external entities, no network or file access), and a frame that fails to parse is only
 * reported, never fatal.
 */
final class Xml {
    static final String CLIENT = "jabber:client";
    static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";
    static final String STREAMS = "http://etherx.jabber.org/streams";
    static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
    static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    static final String PING = "urn:xmpp:ping";
    static final String DELAY = "urn:xmpp:delay";
    static final String SID = "urn:xmpp:sid:0";
    static final String MUC = "http://jabber.org/protocol/muc";
    static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    static final String MUC_OWNER = "http://jabber.org/protocol/muc#owner";
    static final String DATA = "jabber:x:data";

    /** Frames longer than this are dropped unparsed. */
    static final int MAX_FRAME = 1 << 20;

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> SafeXml.newBuilder(true));

    private Xml() {}

    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** The frame's root element; {@link Malformed} for anything that is not one safe, well-formed element. */
    static Element parse(String frame) throws Malformed {
        if (frame == null || frame.isBlank()) throw new Malformed("empty frame");
        if (frame.length() > MAX_FRAME) throw new Malformed("frame of " + frame.length() + " chars is too long");
        DocumentBuilder builder = BUILDER.get();
        try {
            return builder.parse(new InputSource(new StringReader(frame))).getDocumentElement();
        } catch (SAXException e) {
            throw new Malformed("not well-formed XML: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new Malformed("unreadable frame: " + e);
        }
    }

    static boolean is(Element e, String namespace, String localName) {
        return e != null && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI());
    }

    /** The first child element with this namespace and name, or null. */
    static Element child(Element parent, String namespace, String localName) {
        if (parent == null) return null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, namespace, localName)) return e;
        }
        return null;
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) return found;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, namespace, localName)) found.add(e);
        }
        return found;
    }

    /** The first child element of any name in this namespace (an error condition, say), or null. */
    static Element anyChild(Element parent, String namespace) {
        if (parent == null) return null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI())) return e;
        }
        return null;
    }

    /** The element's direct text (text and CDATA children only), or null for no element. */
    static String text(Element e) {
        if (e == null) return null;
        StringBuilder s = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) s.append(n.getNodeValue());
        }
        return s.toString();
    }

    /** A stanza error's condition (item-not-found, …), for the log. */
    static String condition(Element stanza) {
        Element error = child(stanza, CLIENT, "error");
        Element condition = anyChild(error, STANZAS);
        return condition == null ? "(no condition)" : condition.getLocalName();
    }

    /** An attribute's value, or null when absent (DOM answers "" for both). */
    static String attr(Element e, String name) {
        return e != null && e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /**
     * Text made safe for element content and quoted attributes: the five markup characters escaped,
     * characters XML 1.0 cannot carry at all (most control characters, lone surrogates) dropped, since
     * one of them would make the server close the whole stream.
     */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '\'' -> s.append("&apos;");
                case '"' -> s.append("&quot;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        s.append(c).append(text.charAt(++i));
                    } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
