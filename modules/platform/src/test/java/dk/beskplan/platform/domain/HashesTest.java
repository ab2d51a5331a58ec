package dk.beskplan.platform.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HashesTest {

    @Test
    void sha256InLowerCaseHexOfTheUtf8Bytes() {
        assertThat(Hashes.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Hashes.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Hashes.sha256Hex("æøå")).isEqualTo(Hashes.sha256Hex("æøå".getBytes(StandardCharsets.UTF_8))).hasSize(64);
        assertThat(Hashes.sha256("abc".getBytes(StandardCharsets.UTF_8))).hasSize(32);
    }
}
