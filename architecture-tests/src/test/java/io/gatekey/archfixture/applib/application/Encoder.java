package io.gatekey.archfixture.applib.application;

public class Encoder {
    String encode(byte[] bytes) {
        return org.bouncycastle.util.encoders.Hex.toHexString(bytes);
    }
}
