package io.gatekey.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.shared.InvalidValueException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubAccountProfileTest {

    private static SubAccountProfile limitedTo(String... sources) {
        return new SubAccountProfile("Alice", Optional.empty(), "", true, true,
                java.util.Arrays.stream(sources).map(s -> ApiAllowSource.of("IP", s)).toList(), false, false, false, false, List.of());
    }

    @Test
    void sourcesAreAddressesOrRangesAndAllowOnlyWhatTheyName() throws Exception {
        SubAccountProfile profile = limitedTo("203.0.113.0/24", "2001:db8::7");
        assertTrue(profile.allowsApiCallsFrom(Optional.of(InetAddress.getByName("203.0.113.200"))));
        assertFalse(profile.allowsApiCallsFrom(Optional.of(InetAddress.getByName("203.0.114.1"))));
        assertTrue(profile.allowsApiCallsFrom(Optional.of(InetAddress.getByName("2001:db8::7"))));
        assertFalse(profile.allowsApiCallsFrom(Optional.of(InetAddress.getByName("2001:db8::8"))));
        assertFalse(profile.allowsApiCallsFrom(Optional.empty()), "an unknown sender is not an allowed one");
        assertTrue(SubAccountProfile.named("Alice").allowsApiCallsFrom(Optional.empty()));
        SubAccountProfile noApi = new SubAccountProfile("Alice", Optional.empty(), "", false, false, List.of(), false, false, false, false, List.of());
        assertFalse(noApi.allowsApiCallsFrom(Optional.of(InetAddress.getByName("127.0.0.1"))));
        assertEquals("203.0.113.0/24", IpRange.parse("f", "203.0.113.0/24").toString());
        assertEquals("127.0.0.1", IpRange.parse("f", "127.0.0.1").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "203.0.113.0/33", "1.2.3", "", "::1/129", "localhost"})
    void anythingButALiteralAddressOrRangeIsRefused(String source) {
        assertThrows(InvalidValueException.class, () -> ApiAllowSource.of("IP", source));
    }

    @Test
    void ncpsBoundsHold() {
        assertThrows(InvalidValueException.class, () -> SubAccountProfile.named("A"));
        assertThrows(InvalidValueException.class, () -> SubAccountProfile.named("x".repeat(31)));
        SubAccountProfile.named("x".repeat(30));
        assertThrows(InvalidValueException.class, () -> new SubAccountProfile("Alice", Optional.of("a@b.c"), "", true, false, List.of(), false, false, false, false, List.of()));
        assertThrows(InvalidValueException.class, () -> new SubAccountProfile("Alice", Optional.empty(), "\u00e9".repeat(151), true, false, List.of(), false, false, false, false, List.of()));
        new SubAccountProfile("Alice", Optional.of("ab@c.de"), "\u00e9".repeat(150), true, false, List.of(), false, false, false, false, List.of());
        assertThrows(InvalidValueException.class, () -> ApiAllowSource.of("VPC", "10.0.0.0/8"));
        assertThrows(InvalidValueException.class, () -> new SubAccountName("ab").requireNewLoginId());
        new SubAccountName("x".repeat(60)).requireNewLoginId();
        assertThrows(InvalidValueException.class, () -> new SubAccountName("x".repeat(61)).requireNewLoginId());
    }

    @Test
    void passwordsFollowTheRuleAndHashesCheckInConstantTime() {
        assertThrows(InvalidValueException.class, () -> ConsolePassword.of("short1!A".substring(1)));
        assertThrows(InvalidValueException.class, () -> ConsolePassword.of("alllowercase1!"));
        assertThrows(InvalidValueException.class, () -> ConsolePassword.of("NoDigitsHere!!"));
        assertThrows(InvalidValueException.class, () -> ConsolePassword.of("NoSymbols123abc"));
        assertThrows(InvalidValueException.class, () -> ConsolePassword.of("Way2Long!Way2Long!"));
        ConsolePassword password = ConsolePassword.of("Corr3ct!Horse");
        assertEquals("ConsolePassword[hidden]", password.toString());
        PasswordHash hash = PasswordHash.of(password, new byte[16]);
        assertTrue(hash.encoded().startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        assertTrue(hash.matches("Corr3ct!Horse"));
        assertFalse(hash.matches("Corr3ct!Horsf"));
        byte[] random = new byte[16];
        for (int i = 0; i < 16; i++) {
            random[i] = (byte) (i * 37);
        }
        ConsolePassword generated = ConsolePassword.generate(random);
        assertEquals(16, generated.reveal().length());
        ConsolePassword.of(generated.reveal());
    }
}
