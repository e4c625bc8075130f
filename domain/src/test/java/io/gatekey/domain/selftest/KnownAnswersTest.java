package io.gatekey.domain.selftest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KnownAnswersTest {

    @Test
    void theVectorsHoldOnThisJdk() {
        assertDoesNotThrow(KnownAnswers::check);
        KnownAnswers.requireOnce();
    }

    @Test
    void aDifferenceIsOneLineNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KnownAnswers.expect("HOTP (RFC 4226) at counter 0", "755224", "755225"));
        assertEquals("self-test failed: HOTP (RFC 4226) at counter 0 gave 755225 where the published value is 755224", e.getMessage());
    }
}
