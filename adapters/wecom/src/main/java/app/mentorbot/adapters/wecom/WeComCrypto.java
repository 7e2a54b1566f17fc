package app.mentorbot.adapters.wecom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback crypto (the scheme of the official WXBizMsgCrypt samples), with the JDK only.
 *
 * <p>Signature: lower-case hex SHA-1 over the lexicographically sorted, concatenated token, timestamp,
 * nonce and ciphertext. Cipher: AES-256-CBC with key = Base64(EncodingAESKey + "="), IV = the key's first
 * 16 bytes, PKCS#7 padding to a 32-byte block (so the JDK's PKCS5 padding cannot be used). Plaintext:
 * 16 random bytes, the message length as 4 bytes big-endian, the message, then the receive id (the
 * CorpID for a self-built app), which must be ours.
 */
public final class WeComCrypto {
    private static final int BLOCK = 32;

    private final String token;
    private final byte[] key;
    private final String receiveId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param token          the callback Token from the app's console
     * @param encodingAesKey the 43-character EncodingAESKey from the same page
     * @param receiveId      the CorpID: decrypted messages for anyone else are refused
     */
    public WeComCrypto(String token, String encodingAesKey, String receiveId) {
        this.token = requireText(token, "token");
        this.receiveId = requireText(receiveId, "receiveId (CorpID)");
        requireText(encodingAesKey, "encodingAesKey");
        if (encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("EncodingAESKey must have 43 characters, has " + encodingAesKey.length());
        }
        try {
            this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EncodingAESKey is not Base64", e);
        }
        if (key.length != 32) throw new IllegalArgumentException("EncodingAESKey must decode to 32 bytes");
    }

    /** Why a callback could not be decrypted; the message is safe to log (no key, no plaintext). */
    public static final class CryptoException extends Exception {
        CryptoException(String message) {
            super(message, null, false, false);
        }
    }

    /** SHA-1 of the sorted, concatenated parts, lower-case hex. */
    public static String sha1Signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (String p : sorted) sha1.update(p.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    /** The msg_signature WeCom would send for this ciphertext. */
    public String signature(String timestamp, String nonce, String encrypted) {
        return sha1Signature(token, timestamp, nonce, encrypted);
    }

    /** Constant-time check of a msg_signature; false for any missing part. */
    public boolean verify(String msgSignature, String timestamp, String nonce, String encrypted) {
        if (msgSignature == null || timestamp == null || nonce == null || encrypted == null) return false;
        byte[] expected = signature(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII);
        byte[] given = msgSignature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** Decrypts a Base64 ciphertext (echostr or Encrypt) and checks that it was meant for our receive id. */
    public String decrypt(String base64) throws CryptoException {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new CryptoException("ciphertext is not Base64");
        }
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            throw new CryptoException("ciphertext length " + cipherText.length + " is not a multiple of the AES block");
        }
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE).doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES decryption failed");
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) throw new CryptoException("bad padding");
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) throw new CryptoException("bad padding");
        }
        int end = plain.length - pad;
        if (end < 20) throw new CryptoException("plaintext too short");
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || 20 + length > end) throw new CryptoException("message length out of range");
        String message = new String(plain, 20, length, StandardCharsets.UTF_8);
        String from = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
        if (!from.equals(receiveId)) throw new CryptoException("message is for another receive id");
        return message;
    }

    /** Encrypts a message for a passive reply (and for tests) with fresh random bytes. */
    public String encrypt(String message) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return encrypt(message, nonce);
    }

    /** Encrypts with the given 16 leading random bytes, so tests can reproduce the official samples. */
    public String encrypt(String message, byte[] random16) {
        if (random16.length != 16) throw new IllegalArgumentException("need 16 random bytes");
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
        int unpadded = 16 + 4 + msg.length + id.length;
        int pad = BLOCK - unpadded % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(random16).putInt(msg.length).put(msg).put(id);
        for (int i = 0; i < pad; i++) plain.put((byte) pad);
        try {
            return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES encryption failed", e);
        }
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        return c;
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) throw new IllegalArgumentException(what + " must not be blank");
        return value;
    }
}
