package app.mentorbot.adapters.xmpp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SASL SCRAM (RFC 5802, RFC 7677) without channel binding: client-first, then
 * client-final from the server's challenge, then a check that the server also knew the password.
 * Passwords are NFKC-normalised, which is what SASLprep amounts to for ordinary passwords.
 */
final class Scram {
    enum Algorithm {
        SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256"),
        SHA_1("SCRAM-SHA-1", "SHA-1", "HmacSHA1");

        final String mechanism;
        final String digest;
        final String hmac;

        Algorithm(String mechanism, String digest, String hmac) {
            this.mechanism = mechanism;
            this.digest = digest;
            this.hmac = hmac;
        }
    }

    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_ITERATIONS = 1_000_000;

    private final Algorithm algorithm;
    private final String password;
    private final String clientFirstBare;
    private final String clientNonce;
    private byte[] expectedServerSignature;

    Scram(Algorithm algorithm, String username, String password) {
        this(algorithm, username, password, newNonce());
    }

    Scram(Algorithm algorithm, String username, String password, String clientNonce) {
        this.algorithm = algorithm;
        this.password = Normalizer.normalize(password, Normalizer.Form.NFKC);
        this.clientNonce = clientNonce;
        this.clientFirstBare = "n=" + username.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
    }

    String mechanism() {
        return algorithm.mechanism;
    }

    /** The first message: no channel binding, no authorization identity. */
    String clientFirst() {
        return "n,," + clientFirstBare;
    }

    /** The answer to the server's first message (r=nonce,s=salt,i=iterations). */
    String clientFinal(String serverFirst) throws Failure {
        Map<Character, String> f = fields(serverFirst);
        String nonce = f.get('r');
        String salt = f.get('s');
        String iterations = f.get('i');
        if (f.containsKey('m')) throw new Failure("server requires an unsupported SCRAM extension");
        if (nonce == null || salt == null || iterations == null) throw new Failure("incomplete server-first-message");
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) throw new Failure("server nonce does not extend ours");
        int i;
        try {
            i = Integer.parseInt(iterations);
        } catch (NumberFormatException e) {
            throw new Failure("bad iteration count");
        }
        if (i < 1 || i > MAX_ITERATIONS) throw new Failure("iteration count out of range: " + i);
        byte[] saltBytes;
        try {
            saltBytes = Base64.getDecoder().decode(salt);
        } catch (IllegalArgumentException e) {
            throw new Failure("bad salt");
        }
        String withoutProof = "c=biws,r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        try {
            byte[] salted = hi(password.getBytes(StandardCharsets.UTF_8), saltBytes, i);
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance(algorithm.digest).digest(clientKey);
            byte[] clientSignature = hmac(storedKey, authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int k = 0; k < proof.length; k++) proof[k] = (byte) (clientKey[k] ^ clientSignature[k]);
            expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
            return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.mechanism + " is not available in this JDK", e);
        }
    }

    /** Checks the server's final message (v=signature); a wrong signature means an impostor server. */
    void verifyServerFinal(String serverFinal) throws Failure {
        Map<Character, String> f = fields(serverFinal);
        if (f.containsKey('e')) throw new Failure("server refused: " + f.get('e'));
        String v = f.get('v');
        if (v == null || expectedServerSignature == null) throw new Failure("no server signature");
        byte[] got;
        try {
            got = Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            throw new Failure("bad server signature");
        }
        if (!MessageDigest.isEqual(got, expectedServerSignature)) throw new Failure("server signature does not match: not our server?");
    }

    private byte[] hi(byte[] secret, byte[] salt, int iterations) throws GeneralSecurityException {
        Mac mac = mac(secret);
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int n = 1; n < iterations; n++) {
            u = mac.doFinal(u);
            for (int k = 0; k < result.length; k++) result[k] ^= u[k];
        }
        return result;
    }

    private byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        return mac(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private Mac mac(byte[] key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm.hmac);
        mac.init(new SecretKeySpec(key, algorithm.hmac));
        return mac;
    }

    private static Map<Character, String> fields(String message) throws Failure {
        Map<Character, String> f = new HashMap<>();
        if (message == null) throw new Failure("empty SCRAM message");
        for (String part : message.split(",")) {
            if (part.length() < 2 || part.charAt(1) != '=') throw new Failure("malformed SCRAM message");
            f.putIfAbsent(part.charAt(0), part.substring(2));
        }
        return f;
    }

    private static String newNonce() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().withoutPadding().encodeToString(b).replace('+', '-').replace('/', '_');
    }
}
