package io.gatekey.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void anIdTokenIsWhatThePatternAccepts() {
        Pattern pattern = Pattern.compile("[A-Za-z0-9_-]{4,12}");
        String alphabet = "AZaz09_-.@ /:\u00e9\u0130\u212a\u0000Kk";
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(15);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = text.toString();
            assertEquals(pattern.matcher(value).matches(), Identifiers.isIdToken(value, 4, 12), value);
        }
        assertTrue(Identifiers.isIdToken("GKAK_az-09", 4, 12));
        assertFalse(Identifiers.isIdToken(null, 1, 64));
        assertFalse(Identifiers.isIdToken("GKAK\u212aey", 1, 64), "the Kelvin sign is not a K");
    }
}
