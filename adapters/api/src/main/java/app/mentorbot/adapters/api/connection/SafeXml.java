package app.mentorbot.adapters.api.connection;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * DOM parsers for XML that strangers send (WeCom callbacks, XMPP stanzas), hardened one way for every adapter: a
 * DOCTYPE is refused outright, so there is no entity expansion, no external entity, DTD or schema, and no network or
 * file access; XInclude is off. A parse problem is reported only by the exception, never printed to stderr (the JDK's
 * default error handler does that).
 */
public final class SafeXml {
    private static final DocumentBuilderFactory PLAIN = factory(false);
    private static final DocumentBuilderFactory NAMESPACED = factory(true);

    private SafeXml() {}

    /** A new parser; not safe for two threads at once, so take one per parse or keep one per thread. */
    public static DocumentBuilder newBuilder(boolean namespaceAware) {
        DocumentBuilderFactory factory = namespaceAware ? NAMESPACED : PLAIN;
        try {
            DocumentBuilder builder;
            synchronized (factory) { // a factory makes no promise about threads
                builder = factory.newDocumentBuilder();
            }
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("this JDK's XML parser cannot be made safe", e);
        }
    }

    private static DocumentBuilderFactory factory(boolean namespaceAware) {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setNamespaceAware(namespaceAware);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setValidating(false);
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("this JDK's XML parser cannot be made safe", e);
        }
        return f;
    }

    /** Warnings are dropped, errors thrown: the caller hears of a problem through the exception alone. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
