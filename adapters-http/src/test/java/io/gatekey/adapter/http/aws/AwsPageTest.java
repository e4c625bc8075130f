package io.gatekey.adapter.http.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.adapter.http.DoorRefusal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AwsPageTest {

    private static final List<String> NAMES = List.of("erin", "bob", "dave", "alice", "carol");

    @Test
    void pagesFollowOneAnotherInKeyOrderToTheEnd() {
        Map<String, String> asked = new HashMap<>(Map.of("MaxItems", "2"));
        AwsPage<String> first = AwsPage.of(asked, NAMES, Function.identity());
        assertEquals(List.of("alice", "bob"), first.items());
        asked.put("Marker", first.nextMarker().orElseThrow());
        AwsPage<String> second = AwsPage.of(asked, NAMES, Function.identity());
        assertEquals(List.of("carol", "dave"), second.items());
        asked.put("Marker", second.nextMarker().orElseThrow());
        AwsPage<String> last = AwsPage.of(asked, NAMES, Function.identity());
        assertEquals(List.of("erin"), last.items());
        assertEquals(Optional.empty(), last.nextMarker());
        assertEquals("<IsTruncated>false</IsTruncated>", last.end());
        assertEquals("<IsTruncated>true</IsTruncated><Marker>" + second.nextMarker().orElseThrow() + "</Marker>", second.end());
        assertEquals(NAMES.size(), AwsPage.of(Map.of(), NAMES, Function.identity()).items().size(), "100 by default");
    }

    @Test
    void maxItemsIsAnyWrittenIntegerFromOneToAThousand() {
        assertEquals(List.of("alice"), AwsPage.of(Map.of("MaxItems", "0001"), NAMES, Function.identity()).items());
        assertEquals(5, AwsPage.of(Map.of("MaxItems", "1000"), NAMES, Function.identity()).items().size());
        assertRefused("Value '99999999999999999999' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000",
                "99999999999999999999");
        assertRefused("Value '1001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000", "1001");
        assertRefused("Value '-99999999999' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
                "-99999999999");
        assertRefused("Value '1.5' at 'maxItems' failed to satisfy constraint: Member must be an integer", "1.5");
        assertRefused("Value '' at 'maxItems' failed to satisfy constraint: Member must be an integer", "");
    }

    private static void assertRefused(String message, String maxItems) {
        DoorRefusal refused = assertThrows(DoorRefusal.class, () -> AwsPage.of(Map.of("MaxItems", maxItems), NAMES, Function.identity()));
        assertEquals(400, refused.response().getStatus().getCode());
        String body = String.valueOf(refused.response().body());
        assertTrue(body.contains("<Code>ValidationError</Code><Message>" + AwsXml.escape("1 validation error detected: " + message) + "</Message>"), body);
    }
}
