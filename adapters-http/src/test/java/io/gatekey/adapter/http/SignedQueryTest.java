package io.gatekey.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A query read as a signature over its bytes reads it, and a binding that reads it otherwise told apart. */
class SignedQueryTest {

    @Test
    void aQueryIsSplitOnAmpersandsAloneAndDecodedAsUtf8() {
        assertEquals(Map.of("name", List.of("a;b=c d+\u00c9"), "flag", List.of("")), SignedQuery.parameters("name=a;b%3Dc+d%2B%C3%89&&flag"));
        assertEquals(List.of("limit", "user_id"), List.copyOf(SignedQuery.parameters("limit=2&user_id=u&limit=1").keySet()));
        assertEquals(List.of("2", "1"), SignedQuery.parameters("limit=2&user_id=u&limit=1").get("limit"));
        assertEquals(Map.of(), SignedQuery.parameters(null));
        assertThrows(IllegalArgumentException.class, () -> SignedQuery.parameters("a=%HM"));
    }

    @Test
    void aBindingThatSplitsOrDecodesOtherwiseIsNotTheSignedReading() {
        assertTrue(SignedQuery.boundAsSigned("searchWord=%C3%89mile", Map.of("searchWord", List.of("\u00c9mile"))));
        // Read as ISO-8859-1, or split on ';' as Micronaut does.
        assertFalse(SignedQuery.boundAsSigned("searchWord=%C3%89mile", Map.of("searchWord", List.of("\u00c3\u0089mile"))));
        assertFalse(SignedQuery.boundAsSigned("a=1;b=2", Map.of("a", List.of("1"), "b", List.of("2"))));
        assertFalse(SignedQuery.boundAsSigned("a=%HM", Map.of("a", List.of("%HM"))));
    }
}
