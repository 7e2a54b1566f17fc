package app.mentorbot.adapters.api.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class SafeXmlTest {

    private static Element parse(boolean namespaceAware, String xml) throws Exception {
        return SafeXml.newBuilder(namespaceAware).parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }

    @Test
    void plainXmlParsesWithOrWithoutNamespaces() throws Exception {
        assertThat(parse(false, "<xml><MsgType><![CDATA[text]]></MsgType></xml>").getTextContent()).isEqualTo("text");
        Element message = parse(true, "<message xmlns='jabber:client'><body>hi</body></message>");
        assertThat(message.getNamespaceURI()).isEqualTo("jabber:client");
        assertThat(message.getLocalName()).isEqualTo("message");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsExpandedNorAnyFileRead() {
        for (boolean namespaceAware : new boolean[] {false, true}) {
            assertThatThrownBy(() -> parse(namespaceAware, "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>"))
                    .isInstanceOf(SAXException.class);
            assertThatThrownBy(() -> parse(namespaceAware, "<!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]><x>&b;</x>"))
                    .isInstanceOf(SAXException.class);
            assertThatThrownBy(() -> parse(namespaceAware, "<!DOCTYPE x SYSTEM 'http://127.0.0.1:9/evil.dtd'><x/>"))
                    .isInstanceOf(SAXException.class);
        }
    }

    @Test
    void malformedXmlIsReportedOnlyThroughTheExceptionNeverOnStderr() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> parse(false, "<xml><open></xml>")).isInstanceOf(SAXException.class);
            assertThatThrownBy(() -> parse(true, "<a xmlns:p='urn:x'><q:b/></a>")).isInstanceOf(SAXException.class);
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
