package app.mentorbot.adapters.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The published test vectors of RFC 5802 (SHA-1) and RFC 7677 (SHA-256). */
class ScramTest {

    @Test
    void scramSha1MatchesTheRfc5802Example() throws Exception {
        Scram scram = new Scram(Scram.Algorithm.SHA_1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL");
        assertThat(scram.clientFirst()).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
        assertThat(scram.clientFinal("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"))
                .isEqualTo("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        scram.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    @Test
    void scramSha256MatchesTheRfc7677Example() throws Exception {
        Scram scram = new Scram(Scram.Algorithm.SHA_256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        assertThat(scram.clientFinal("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"))
                .isEqualTo("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        scram.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @Test
    void aServerThatDoesNotKnowThePasswordOrReplaysOurNonceIsRejected() throws Exception {
        Scram scram = new Scram(Scram.Algorithm.SHA_1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL");
        scram.clientFinal("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");
        assertThatThrownBy(() -> scram.verifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=")).isInstanceOf(Scram.Failure.class);
        assertThatThrownBy(() -> scram.verifyServerFinal("e=invalid-proof")).hasMessageContaining("invalid-proof");

        Scram other = new Scram(Scram.Algorithm.SHA_1, "user", "pencil", "abc");
        assertThatThrownBy(() -> other.clientFinal("r=abc,s=QSXCR+Q6sek8bf92,i=4096")).hasMessageContaining("nonce");
        assertThatThrownBy(() -> other.clientFinal("r=xyz123,s=QSXCR+Q6sek8bf92,i=4096")).hasMessageContaining("nonce");
        assertThatThrownBy(() -> other.clientFinal("r=abc1,s=QSXCR+Q6sek8bf92,i=99999999")).hasMessageContaining("iteration");
        assertThatThrownBy(() -> other.clientFinal("garbage")).isInstanceOf(Scram.Failure.class);
    }

    @Test
    void userNamesWithCommasAndEqualsSignsAreEscaped() {
        assertThat(new Scram(Scram.Algorithm.SHA_1, "a,b=c", "p", "n").clientFirst()).isEqualTo("n,,n=a=2Cb=3Dc,r=n");
    }
}
