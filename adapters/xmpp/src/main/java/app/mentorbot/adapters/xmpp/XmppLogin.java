package app.mentorbot.adapters.xmpp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Logs in on a fresh {@link Link} (RFC 6120 §4-7 over RFC 7395 framing): opens the stream, authenticates
 * (SCRAM-SHA-256 or SCRAM-SHA-1; PLAIN only over wss:// or to a loopback server), opens the stream again, binds
 * the resource and starts a session where the server still requires one. Each step waits at most
 * {@link #STEP_TIMEOUT} for the server; a stream error, a closed socket or a timeout ends the attempt with an
 * IOException, a refused login with {@link AuthFailed}.
 */
final class XmppLogin {
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(XmppLogin.class);

    private final XmppConfig config;
    private final Link link;
    private final AtomicLong ids = new AtomicLong();

    XmppLogin(XmppConfig config, Link link) {
        this.config = config;
        this.link = link;
    }

    /** The server refused the login, or offered nothing we may use: retrying soon will not help. */
    static final class AuthFailed extends Exception {
        AuthFailed(String message) {
            super(message);
        }
    }

    /** Runs the whole negotiation; the JID the server bound. */
    String logIn() throws IOException, InterruptedException, AuthFailed {
        Element features = openStream();
        authenticate(features);
        features = openStream();
        String jid = bind(features);
        Element session = Xml.child(features, Xml.SESSION, "session");
        if (session != null && Xml.child(session, Xml.SESSION, "optional") == null) {
            iq("set", null, "<session xmlns='" + Xml.SESSION + "'/>");
        }
        return jid;
    }

    private Element openStream() throws IOException, InterruptedException {
        link.send("<open xmlns='" + Xml.FRAMING + "' to='" + Xml.escape(config.domain()) + "' version='1.0'/>");
        return await("stream features", e -> Xml.is(e, Xml.STREAMS, "features"));
    }

    private void authenticate(Element features) throws IOException, InterruptedException, AuthFailed {
        List<String> offered = new ArrayList<>();
        for (Element m : Xml.children(Xml.child(features, Xml.SASL, "mechanisms"), Xml.SASL, "mechanism")) offered.add(Xml.text(m).strip());
        for (Scram.Algorithm algorithm : Scram.Algorithm.values()) {
            if (offered.contains(algorithm.mechanism)) {
                scram(new Scram(algorithm, config.username(), config.password()));
                return;
            }
        }
        if (offered.contains("PLAIN")) {
            if (!plainIsSafe()) {
                throw new AuthFailed("the server offers only PLAIN " + offered + " and " + config.websocketUrl()
                        + " is neither wss:// nor loopback: refusing to send the password in clear");
            }
            sasl("<auth xmlns='" + Xml.SASL + "' mechanism='PLAIN'>"
                    + base64("\0" + config.username() + "\0" + config.password()) + "</auth>");
            Element answer = awaitSasl();
            if (!Xml.is(answer, Xml.SASL, "success")) throw new AuthFailed("PLAIN: unexpected " + answer.getLocalName());
            log.info("XMPP: authenticated with PLAIN");
            return;
        }
        throw new AuthFailed("no supported SASL mechanism among " + offered);
    }

    private void scram(Scram scram) throws IOException, InterruptedException, AuthFailed {
        try {
            sasl("<auth xmlns='" + Xml.SASL + "' mechanism='" + scram.mechanism() + "'>" + base64(scram.clientFirst()) + "</auth>");
            Element challenge = awaitSasl();
            if (!Xml.is(challenge, Xml.SASL, "challenge")) throw new AuthFailed(scram.mechanism() + ": expected a challenge");
            sasl("<response xmlns='" + Xml.SASL + "'>" + base64(scram.clientFinal(unbase64(Xml.text(challenge)))) + "</response>");
            Element answer = awaitSasl();
            if (Xml.is(answer, Xml.SASL, "challenge")) {
                // some servers send the server-final message as a challenge, then success without data
                scram.verifyServerFinal(unbase64(Xml.text(answer)));
                sasl("<response xmlns='" + Xml.SASL + "'/>");
                answer = awaitSasl();
                if (!Xml.is(answer, Xml.SASL, "success")) throw new AuthFailed(scram.mechanism() + ": no success");
            } else {
                if (!Xml.is(answer, Xml.SASL, "success")) throw new AuthFailed(scram.mechanism() + ": no success");
                scram.verifyServerFinal(unbase64(Xml.text(answer)));
            }
            log.info("XMPP: authenticated with {}", scram.mechanism());
        } catch (Scram.Failure f) {
            throw new AuthFailed(scram.mechanism() + ": " + f.getMessage());
        }
    }

    private void sasl(String frame) throws IOException {
        link.send(frame);
    }

    /** The server's next SASL answer; a {@code <failure/>} becomes {@link AuthFailed}. */
    private Element awaitSasl() throws IOException, InterruptedException, AuthFailed {
        Element e = await("SASL answer", x -> Xml.SASL.equals(x.getNamespaceURI()));
        if (Xml.is(e, Xml.SASL, "failure")) {
            Element condition = Xml.anyChild(e, Xml.SASL);
            throw new AuthFailed(condition == null ? "failure" : condition.getLocalName());
        }
        return e;
    }

    private String bind(Element features) throws IOException, InterruptedException {
        if (Xml.child(features, Xml.BIND, "bind") == null) throw new IOException("the server offers no resource binding");
        Element result = iq("set", null, "<bind xmlns='" + Xml.BIND + "'><resource>" + Xml.escape(config.resource()) + "</resource></bind>");
        String jid = Xml.text(Xml.child(Xml.child(result, Xml.BIND, "bind"), Xml.BIND, "jid"));
        if (jid == null || jid.isBlank()) throw new IOException("the server bound no JID");
        return jid.strip();
    }

    /** Sends an iq and waits for its result; an error answer ends the attempt. */
    private Element iq(String type, String to, String payload) throws IOException, InterruptedException {
        String id = "iq-" + ids.incrementAndGet();
        link.send("<iq xmlns='jabber:client' type='" + type + "' id='" + id + "'" + (to == null ? "" : " to='" + Xml.escape(to) + "'")
                + ">" + payload + "</iq>");
        Element answer = await("answer to " + id, e -> Xml.is(e, Xml.CLIENT, "iq") && id.equals(Xml.attr(e, "id")));
        if (!"result".equals(Xml.attr(answer, "type"))) throw new IOException("request " + id + " failed: " + Xml.condition(answer));
        return answer;
    }

    /** Reads frames until one matches; stream errors, a closed socket or the step timeout end the attempt. */
    private Element await(String what, Predicate<Element> wanted) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) throw new IOException("no " + what + " within " + STEP_TIMEOUT.toSeconds() + " s");
            Link.Event event = link.poll(left);
            if (event instanceof Link.Closed closed) throw new IOException("WebSocket " + closed.reason() + " while waiting for " + what);
            if (!(event instanceof Link.Frame frame)) continue;
            Element e;
            try {
                e = Xml.parse(frame.text());
            } catch (Xml.Malformed m) {
                log.warn("XMPP: dropped a malformed frame while waiting for {}: {}", what, m.getMessage());
                continue;
            }
            if (Xml.is(e, Xml.STREAMS, "error")) {
                Element condition = Xml.anyChild(e, Xml.STREAM_ERRORS);
                throw new IOException("stream error " + (condition == null ? "" : condition.getLocalName()) + " while waiting for " + what);
            }
            if (Xml.is(e, Xml.FRAMING, "close")) throw new IOException("the server closed the stream while we waited for " + what);
            if (wanted.test(e)) return e;
        }
    }

    private boolean plainIsSafe() {
        if ("wss".equals(config.websocketUrl().getScheme())) return true;
        try {
            return InetAddress.getByName(config.websocketUrl().getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unbase64(String s) throws AuthFailed {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty() || t.equals("=")) return "";
        try {
            return new String(Base64.getMimeDecoder().decode(t), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AuthFailed("the server sent bad base64");
        }
    }
}
