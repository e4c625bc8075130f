package io.gatekey.domain.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** SigV4 against AWS's published vectors (the Signature Version 4 test suite's get-vanilla, and its key derivation example). */
class AwsSignatureV4Test {

    private static final byte[] SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".getBytes(StandardCharsets.UTF_8);

    @Test
    void getVanillaOfTheTestSuite() {
        String stringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63";
        assertEquals("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
                HexFormat.of().formatHex(SignatureAlgorithm.AWS4_HMAC_SHA256.sign(SECRET, stringToSign)));
    }

    @Test
    void theSigningKeyIsDerivedForTheScope() {
        // AWS's derivation example: the signing key for 20150830/us-east-1/iam is c4afb1cc...; the signature of a
        // message under the derived key is that key's plain HMAC-SHA256.
        byte[] signingKey = HexFormat.of().parseHex("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
        String stringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n0123";
        assertEquals(HexFormat.of().formatHex(SignatureAlgorithm.HMAC_SHA256.sign(signingKey, stringToSign)),
                HexFormat.of().formatHex(SignatureAlgorithm.AWS4_HMAC_SHA256.sign(SECRET, stringToSign)));
    }

    @Test
    void aStringWithoutACredentialScopeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SignatureAlgorithm.AWS4_HMAC_SHA256.sign(SECRET, "GET / nothing"));
        assertThrows(IllegalArgumentException.class, () -> SignatureAlgorithm.AWS4_HMAC_SHA256.sign(SECRET, "A\nB\n20150830/us-east-1/iam/other\nC"));
    }
}
