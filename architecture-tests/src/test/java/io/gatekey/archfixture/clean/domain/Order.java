package io.gatekey.archfixture.clean.domain;

public record Order(String id, byte[] digest) {
    public static Order of(String id) {
        return new Order(id, org.bouncycastle.util.encoders.Hex.decode("00"));
    }
}
