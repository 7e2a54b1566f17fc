package app.mentorbot.adapters.slack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A gateway that completes the WebSocket handshake, says hello and then goes silent: it reads and
 * discards everything, answering neither frames nor pings (what a half-dead TCP path looks like).
 */
final class FakeSilentGateway implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final CountDownLatch accepted = new CountDownLatch(1);
    final CountDownLatch clientClosed = new CountDownLatch(1);

    FakeSilentGateway() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "fake-silent-gateway");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread t = new Thread(() -> handle(socket), "fake-silent-link");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            BufferedReader headers = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1);
            String key = null;
            for (String line = headers.readLine(); line != null && !line.isEmpty(); line = headers.readLine()) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) key = line.substring(line.indexOf(':') + 1).strip();
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] hello = Fixtures.read("hello.json").getBytes(StandardCharsets.UTF_8);
            out.write(new byte[] {(byte) 0x81, 126, (byte) (hello.length >> 8), (byte) hello.length});
            out.write(hello);
            out.flush();
            accepted.countDown();
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // silent: swallow pings, acks and close frames alike
            }
            clientClosed.countDown();
        } catch (IOException e) {
            clientClosed.countDown();
        }
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) s.close();
    }
}
