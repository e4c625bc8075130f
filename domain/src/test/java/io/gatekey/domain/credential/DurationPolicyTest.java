package io.gatekey.domain.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatekey.domain.shared.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationPolicyTest {

    @ParameterizedTest
    @ValueSource(longs = {600, 43_200})
    void ncpAcceptsItsBounds(long seconds) {
        assertEquals(Duration.ofSeconds(seconds), DurationPolicy.NCP.resolve(seconds));
    }

    @ParameterizedTest
    @ValueSource(longs = {599, 43_201, 0, -1})
    void ncpRefusesOutsideItsBoundsWithTheDocumentsRange(long seconds) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> DurationPolicy.NCP.resolve(seconds));
        assertEquals("durationSec", e.field());
        assertEquals("valid range: 600 - 43200", e.rule());
    }

    @ParameterizedTest
    @ValueSource(longs = {300, 7_200})
    void tencentAcceptsItsBounds(long seconds) {
        assertEquals(Duration.ofSeconds(seconds), DurationPolicy.TENCENT.resolve(seconds));
    }

    @ParameterizedTest
    @ValueSource(longs = {299, 7_201})
    void tencentRefusesOutsideItsBounds(long seconds) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> DurationPolicy.TENCENT.resolve(seconds));
        assertEquals("durationSeconds", e.field());
        assertEquals("valid range: 300 - 7200", e.rule());
    }

    @Test
    void absentDurationTakesTheDefault() {
        assertEquals(Duration.ofSeconds(3_600), DurationPolicy.NCP.resolve(null));
        assertEquals(Duration.ofSeconds(1_800), DurationPolicy.TENCENT.resolve(null));
    }
}
