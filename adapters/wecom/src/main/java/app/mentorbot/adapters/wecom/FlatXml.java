package app.mentorbot.adapters.wecom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import app.mentorbot.adapters.api.connection.SafeXml;

/**
 * WeCom's callback XML is one {@code <xml>} element with flat children ({@code <MsgType><![CDATA[text]]></MsgType>}).
 * Parsed with {@link SafeXml}'s parser: no DOCTYPE at all, no external entities.
 */
final class FlatXml {
    private FlatXml() {}

    static final class MalformedXml extends Exception {
        MalformedXml(String message) {
            super(message, null, false, false);
        }
    }

    /** The root's child elements by name (first occurrence wins), text content trimmed of nothing. */
    static Map<String, String> parse(String xml) throws MalformedXml {
        if (xml == null || xml.isBlank()) throw new MalformedXml("empty body");
        try {
            Element root = SafeXml.newBuilder(false).parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            Map<String, String> fields = new LinkedHashMap<>();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.ELEMENT_NODE) fields.putIfAbsent(n.getNodeName(), n.getTextContent());
            }
            return fields;
        } catch (SAXException | IOException e) {
            throw new MalformedXml("malformed XML");
        }
    }
}
