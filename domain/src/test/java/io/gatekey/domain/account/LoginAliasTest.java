package io.gatekey.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatekey.domain.shared.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginAliasTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "test123123", "a1b2c3d4e5f6g7h8i9j0", "000"})
    void threeToTwentyLowercaseLettersAndDigitsAreAccepted(String alias) {
        assertEquals(alias, new LoginAlias(alias).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "a1b2c3d4e5f6g7h8i9j0k", "Abc", "ABC", "ab-c", "ab_c", "ab c", "abç"})
    void anythingElseIsRefusedWithTheDocumentsRule(String alias) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new LoginAlias(alias));
        assertEquals("loginAlias", e.field());
        assertEquals("3-20 characters using lowercase English letters and numbers", e.rule());
    }
}
