package app.mentorbot.adapters.wecom;

import static app.mentorbot.adapters.wecom.OfficialVectors.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

class WeComCryptoTest {
    private final WeComCrypto crypto = new WeComCrypto(TOKEN, AES_KEY, CORP_ID);

    @Test
    void the_official_url_verification_vector_has_the_official_signature() {
        assertThat(crypto.signature(GET_TIMESTAMP, GET_NONCE, GET_ECHOSTR)).isEqualTo(GET_SIGNATURE);
        assertThat(crypto.verify(GET_SIGNATURE, GET_TIMESTAMP, GET_NONCE, GET_ECHOSTR)).isTrue();
    }

    @Test
    void the_official_echostr_decrypts_to_the_official_plaintext() throws Exception {
        assertThat(crypto.decrypt(GET_ECHOSTR)).isEqualTo(GET_PLAINTEXT);
    }

    @Test
    void the_official_message_vector_has_the_official_signature() {
        assertThat(crypto.signature(POST_TIMESTAMP, POST_NONCE, POST_ENCRYPT)).isEqualTo(POST_SIGNATURE);
    }

    @Test
    void the_official_message_decrypts_to_the_official_text_message() throws Exception {
        String xml = crypto.decrypt(POST_ENCRYPT);
        Map<String, String> fields = FlatXml.parse(xml);
        assertThat(fields).containsEntry("ToUserName", CORP_ID)
                .containsEntry("FromUserName", "mycreate")
                .containsEntry("CreateTime", "1409659813")
                .containsEntry("MsgType", "text")
                .containsEntry("Content", "hello")
                .containsEntry("MsgId", "4561255354251345929")
                .containsEntry("AgentID", "218");
    }

    @Test
    void the_signature_is_sha1_over_the_sorted_parts_whatever_their_order() {
        assertThat(WeComCrypto.sha1Signature(GET_ECHOSTR, GET_NONCE, TOKEN, GET_TIMESTAMP)).isEqualTo(GET_SIGNATURE);
    }

    @Test
    void a_signature_that_differs_in_one_character_or_is_missing_is_refused() {
        String forged = GET_SIGNATURE.substring(0, 39) + (GET_SIGNATURE.endsWith("3") ? "4" : "3");
        assertThat(crypto.verify(forged, GET_TIMESTAMP, GET_NONCE, GET_ECHOSTR)).isFalse();
        assertThat(crypto.verify(null, GET_TIMESTAMP, GET_NONCE, GET_ECHOSTR)).isFalse();
        assertThat(crypto.verify(GET_SIGNATURE, "1409659590", GET_NONCE, GET_ECHOSTR)).isFalse();
        assertThat(new WeComCrypto("other", AES_KEY, CORP_ID).verify(GET_SIGNATURE, GET_TIMESTAMP, GET_NONCE, GET_ECHOSTR)).isFalse();
    }

    @Test
    void what_we_encrypt_we_decrypt_for_every_length_around_the_32_byte_block() throws Exception {
        for (int n = 0; n < 100; n++) {
            String message = "记".repeat(n % 7) + "x".repeat(n);
            assertThat(crypto.decrypt(crypto.encrypt(message))).isEqualTo(message);
        }
    }

    @Test
    void padding_is_pkcs7_to_32_bytes_so_an_aligned_plaintext_gets_a_whole_block_of_32s() throws Exception {
        // 16 random + 4 length + msg + 18-byte corp id = 64 when msg has 26 bytes: aligned, so 32 bytes of padding.
        String message = "a".repeat(26);
        byte[] plain = rawDecrypt(crypto.encrypt(message, new byte[16]));
        assertThat(plain).hasSize(96);
        for (int i = 64; i < 96; i++) assertThat(plain[i]).isEqualTo((byte) 32);
        assertThat(crypto.decrypt(crypto.encrypt(message, new byte[16]))).isEqualTo(message);
    }

    @Test
    void the_official_ciphertext_is_reproduced_from_its_plaintext_and_random_bytes() throws Exception {
        // The first block carries the sample's random bytes; re-encrypting with them must give the same text.
        String decrypted = crypto.decrypt(GET_ECHOSTR);
        byte[] random16 = firstSixteenPlainBytes(GET_ECHOSTR);
        assertThat(crypto.encrypt(decrypted, random16)).isEqualTo(GET_ECHOSTR);
    }

    @Test
    void a_message_encrypted_for_another_corp_is_refused() {
        String forOther = new WeComCrypto(TOKEN, AES_KEY, "wwsomeothercorp").encrypt("hello");
        assertThatThrownBy(() -> crypto.decrypt(forOther))
                .isInstanceOf(WeComCrypto.CryptoException.class).hasMessageContaining("receive id");
    }

    @Test
    void bad_base64_a_truncated_or_a_tampered_ciphertext_is_refused_with_a_checked_exception() {
        assertThatThrownBy(() -> crypto.decrypt("not base64 !!")).isInstanceOf(WeComCrypto.CryptoException.class);
        assertThatThrownBy(() -> crypto.decrypt(GET_ECHOSTR.substring(0, 20))).isInstanceOf(WeComCrypto.CryptoException.class);
        assertThatThrownBy(() -> crypto.decrypt("")).isInstanceOf(WeComCrypto.CryptoException.class);
        byte[] bytes = Base64.getDecoder().decode(GET_ECHOSTR);
        bytes[bytes.length - 1] ^= 0x55; // the last block, where padding and corp id live
        String tampered = Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> crypto.decrypt(tampered)).isInstanceOf(WeComCrypto.CryptoException.class);
    }

    @Test
    void a_wrong_key_never_yields_the_message() {
        WeComCrypto other = new WeComCrypto(TOKEN, "a".repeat(43), CORP_ID);
        assertThatThrownBy(() -> other.decrypt(GET_ECHOSTR)).isInstanceOf(WeComCrypto.CryptoException.class);
    }

    @Test
    void an_encoding_aes_key_of_the_wrong_length_fails_early_with_a_clear_message() {
        assertThatThrownBy(() -> new WeComCrypto(TOKEN, AES_KEY + "x", CORP_ID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("43");
        assertThatThrownBy(() -> new WeComCrypto(" ", AES_KEY, CORP_ID)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void utf8_messages_survive_the_length_prefix() throws Exception {
        String message = "<xml><Content><![CDATA[今天和张小明谈心 😀]]></Content></xml>";
        String encrypted = crypto.encrypt(message);
        assertThat(crypto.decrypt(encrypted)).isEqualTo(message);
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(message.length());
    }

    /** The sample's 16 random bytes: the head of the plaintext. */
    private static byte[] firstSixteenPlainBytes(String base64) throws Exception {
        return Arrays.copyOf(rawDecrypt(base64), 16);
    }

    /** AES-256-CBC by hand with the JDK, padding left in place. */
    private static byte[] rawDecrypt(String base64) throws Exception {
        byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new IvParameterSpec(key, 0, 16));
        return c.doFinal(Base64.getDecoder().decode(base64));
    }
}
