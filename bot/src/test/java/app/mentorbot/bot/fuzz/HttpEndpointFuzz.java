package app.mentorbot.bot.fuzz;

import static app.mentorbot.bot.fuzz.BotFuzz.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import app.mentorbot.adapters.api.testing.Hostile;

/**
 * The HTTP surface of {@link BotFuzz}: every path the bot serves (and made-up ones) with hostile paths, queries,
 * methods, content types, accept headers and bodies, some over a raw socket with junk in the request line. No
 * answer is a 5xx.
 */
final class HttpEndpointFuzz {
    private final BotFuzz fuzz;

    /** Requests with a head over Tomcat's 8 KB whose answer was cut by the container's reset (printed). */
    private final AtomicInteger headTooLarge = new AtomicInteger();

    HttpEndpointFuzz(BotFuzz fuzz) {
        this.fuzz = fuzz;
    }

    /** Requests of any method, path, query, header and body to every path the bot serves: no 5xx. */
    void run() throws Exception {
        Hostile h = new Hostile(fuzz.seed("HTTP endpoints"));
        int n = fuzz.n();
        List<String> bases = List.of("/", "/chat", "/api/demo/people", "/pages/student/", "/healthz", "/pages/digest/",
                "/pages/growth/", "/pages/summary/", "/callbacks/wecom", "/ws/chat", "/favicon.ico", "/error", "/");
        Map<Integer, Integer> statuses = new HashMap<>();
        List<String> fiveHundreds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String base = h.pick(bases);
            String path = base.endsWith("/") && base.length() > 1 ? base + enc(h.chance(30) ? h.pick(List.of("S01", "S99", "3A", "..", "%2e%2e")) : h.text())
                    + (base.contains("digest") && h.chance(30) ? ".xlsx" : "") : base;
            if (h.chance(10)) path = "/" + enc(h.text()) + "/" + enc(h.text());
            StringBuilder query = new StringBuilder();
            for (int k = 0, params = h.nextInt(5); k < params; k++) {
                query.append(k == 0 ? "?" : "&").append(enc(h.pick(List.of("viewer", "exp", "sig", "token", "as", h.text()))))
                        .append('=').append(enc(h.chance(30) ? h.pick(List.of("T01", "9999999999999", "-1", "", "abc")) : h.text()));
            }
            String target = path + query;
            String contentType = null;
            int status;
            if (h.chance(5)) {
                status = raw(h, target);
            } else {
                URI uri;
                try {
                    uri = URI.create("http://localhost:" + fuzz.port + target);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                String method = h.pick(List.of("GET", "GET", "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"));
                HttpRequest.Builder b = HttpRequest.newBuilder(uri);
                byte[] body = h.chance(50) ? h.bytes(h.nextInt(3000)) : h.text().getBytes(StandardCharsets.UTF_8);
                b.method(method, method.equals("GET") || method.equals("HEAD") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
                if (h.chance(40)) b.header("Content-Type", contentType = h.pick(List.of("application/json", "text/xml", "multipart/form-data",
                        "application/x-www-form-urlencoded", "text/plain; charset=gb2312", "x/" + asciiToken(h), "application/json; charset=nope")));
                if (h.chance(30)) b.header("Accept", h.pick(List.of("application/json", "text/html;q=abc", "*/*", "image/png",
                        "application/xml", "text/*;q=0", "x" + asciiToken(h))));
                try {
                    HttpRequest built = b.timeout(Duration.ofSeconds(30)).build();
                    // Beyond Tomcat's 8 KB request head it answers 400 and closes at once, while the JDK client is
                    // still writing, which that client then misreads: such requests go over a plain socket.
                    status = target.length() > 8 * 1024 ? overSocket(built, body) : fuzz.send(b);
                } catch (IllegalArgumentException e) {
                    continue; // the client refused to build it (bad header value)
                }
            }
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                if (path.equals("/error") && fuzz.knownBugs("GET /error answers 500 (Spring Boot's BasicErrorController reached directly)")) continue;
                if (contentType != null && (contentType.startsWith("multipart/") || contentType.startsWith("application/x-www-form-urlencoded"))
                        && fuzz.knownBugs("a multipart body without boundary, or an undecodable form body, answers 500 on any path")) continue;
                fiveHundreds.add(status + " for " + abbreviate(target));
            }
        }
        System.out.println("[fuzz] HTTP endpoints: " + n + " requests, statuses " + statuses + ", resent after a closed connection: " + fuzz.transportRetries.get()
                + ", head over 8 KB refused by Tomcat with its answer cut: " + headTooLarge.get());
        assertThat(fiveHundreds).as("5xx answers").isEmpty();
        fuzz.stillWorks();
    }

    private static String asciiToken(Hostile h) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 1 + h.nextInt(10); i++) s.append((char) ('a' + h.nextInt(26)));
        return s.toString();
    }

    /** A raw request with unencoded junk in the request line and headers; the status, or 0 when the server just closed. */
    private int raw(Hostile h, String target) throws Exception {
        try (Socket socket = new Socket("localhost", fuzz.port)) {
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            String junk = h.chance(50) ? h.text() : target;
            req.write((h.pick(List.of("GET", "POST", "G\u00e9T", "BREW", "")) + " " + (h.chance(50) ? "/" + junk : target) + " HTTP/1.1\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            req.write(("Host: localhost\r\nX-Fuzz: " + h.text().replace("\r", "").replace("\n", "") + "\r\nConnection: close\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] body = h.bytes(h.nextInt(500));
            req.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            req.write(body);
            OutputStream out = socket.getOutputStream();
            out.write(req.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            String line = new String(head, StandardCharsets.ISO_8859_1);
            return line.startsWith("HTTP/1.1 ") ? Integer.parseInt(line.substring(9, 12)) : 0;
        } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
            return 0;
        }
    }

    /** The status a request gets over a plain socket (its method, target, headers and body as built). */
    private int overSocket(HttpRequest request, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", fuzz.port)) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.uri().getRawPath());
            if (request.uri().getRawQuery() != null) head.append('?').append(request.uri().getRawQuery());
            head.append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            request.headers().map().forEach((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
            boolean hasBody = !request.method().equals("GET") && !request.method().equals("HEAD");
            head.append("Content-Length: ").append(hasBody ? body.length : 0).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (hasBody) out.write(body);
                out.flush();
            } catch (java.net.SocketException closedEarly) {
                // the server answered and closed before the whole request was written; its answer is still there
            }
            String line;
            try {
                line = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            } catch (java.net.SocketException reset) {
                line = "";
            }
            if (line.startsWith("HTTP/1.1 ")) return Integer.parseInt(line.substring(9, 12));
            // Tomcat refuses a request head over 8 KB before any of our code runs (400, then it closes); when it
            // closes while the rest is still being written, the reset can eat the start of its answer.
            if (line.startsWith("<!doctype") || line.isEmpty()) {
                headTooLarge.incrementAndGet();
                return 400;
            }
            throw new IOException("no HTTP answer over the socket: " + abbreviate(line));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
