package io.gatekey.domain.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.shared.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 64})
    void deviceNamesOfOneToSixtyFourCharactersAreAccepted(int length) {
        assertEquals(length, new MfaDeviceName("a".repeat(length)).value().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "my phone", "phone.1", "ph:one", "phöne", "a/b"})
    void deviceNamesOutsideTheRuleAreRefused(String name) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new MfaDeviceName(name));
        assertEquals("virtual_mfa_device_name", e.field());
    }

    @Test
    void sixtyFiveCharactersAreTooMany() {
        assertThrows(InvalidValueException.class, () -> new MfaDeviceName("a".repeat(65)));
    }

    @Test
    void deviceNamesMayUseLettersDigitsUnderscoreAndHyphen() {
        assertEquals("My_Phone-2", new MfaDeviceName("My_Phone-2").value());
    }

    @Test
    void serialNumberNamesAccountAndDevice() {
        MfaSerialNumber serial = MfaSerialNumber.of(new AccountId("0a1b"), new MfaDeviceName("phone"));
        assertEquals("iam::0a1b:mfa:phone", serial.value());
        assertEquals(new AccountId("0a1b"), serial.accountId());
        assertEquals(new MfaDeviceName("phone"), serial.deviceName());
        assertThrows(InvalidValueException.class, () -> new MfaSerialNumber("iam::0a1b:mfa:"));
        assertThrows(InvalidValueException.class, () -> new MfaSerialNumber("arn:aws:iam::1:mfa/phone"));
    }

    @Test
    void lockoutNeverAllowsMoreThanNistsHundredFailures() {
        assertEquals(100, new LockoutPolicy(100, Duration.ofMinutes(1)).maxFailures());
        assertThrows(InvalidValueException.class, () -> new LockoutPolicy(101, Duration.ofMinutes(1)));
        assertThrows(InvalidValueException.class, () -> new LockoutPolicy(0, Duration.ofMinutes(1)));
        assertThrows(InvalidValueException.class, () -> new LockoutPolicy(10, Duration.ZERO));
    }

    @Test
    void totpParametersAllowSixOrEightDigitsAndThirtyOrSixtySeconds() {
        assertEquals(8, new TotpParameters(TotpAlgorithm.SHA512, 8, 60).digits());
        assertThrows(InvalidValueException.class, () -> new TotpParameters(TotpAlgorithm.SHA1, 7, 30));
        assertThrows(InvalidValueException.class, () -> new TotpParameters(TotpAlgorithm.SHA1, 6, 45));
    }

    @Test
    void otpauthUriCarriesIssuerAccountAndParameters() {
        TotpSeed seed = TotpSeed.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertEquals("otpauth://totp/Acme%20Corp:alice%40example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Acme%20Corp&algorithm=SHA1&digits=6&period=30",
                OtpAuthUri.of("Acme Corp", "alice@example", seed, TotpParameters.DEFAULT));
        assertThrows(InvalidValueException.class, () -> OtpAuthUri.of("Ac:me", "alice", seed, TotpParameters.DEFAULT));
        assertThrows(InvalidValueException.class, () -> OtpAuthUri.of("Acme", "a:lice", seed, TotpParameters.DEFAULT));
    }
}
