package io.gatekey.adapter.http.aws;

import io.gatekey.adapter.http.DoorRefusal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of an IAM list answer, as IAM pages them: at most {@code MaxItems} items (1-1000, default 100) after
 * {@code Marker}, in the order of their keys, then {@code IsTruncated} and, when more remain, the {@code Marker} that
 * asks for them. A marker is the last item's key in Base64url: opaque to clients, and still right when items are
 * added or removed between two pages.
 */
record AwsPage<T>(List<T> items, Optional<String> nextMarker) {

    static final int DEFAULT_MAX_ITEMS = 100;
    static final int MAX_ITEMS = 1000;

    /** The page of {@code all} that {@code parameters} ask for, each item known by its unique {@code key}. */
    static <T> AwsPage<T> of(Map<String, String> parameters, Collection<T> all, Function<T, String> key) {
        int maxItems = maxItems(parameters.get("MaxItems"));
        Optional<String> after = Optional.ofNullable(parameters.get("Marker")).map(AwsPage::decode);
        List<T> rest = all.stream().filter(item -> after.isEmpty() || key.apply(item).compareTo(after.get()) > 0)
                .sorted(Comparator.comparing(key)).toList();
        if (rest.size() <= maxItems) {
            return new AwsPage<>(rest, Optional.empty());
        }
        List<T> page = rest.subList(0, maxItems);
        return new AwsPage<>(page, Optional.of(encode(key.apply(page.get(maxItems - 1)))));
    }

    /** What follows the items in the result: {@code IsTruncated}, and the next page's {@code Marker} when there is one. */
    String end() {
        return AwsXml.element("IsTruncated", Boolean.toString(nextMarker.isPresent())) + nextMarker.map(marker -> AwsXml.element("Marker", marker)).orElse("");
    }

    private static int maxItems(String text) {
        if (text == null) {
            return DEFAULT_MAX_ITEMS;
        }
        if (!text.matches("-?[0-9]+")) {
            throw invalidMaxItems(text, "Member must be an integer");
        }
        // Any number of digits: one too long for an int is still only too large, or too small.
        BigInteger value = new BigInteger(text);
        if (value.signum() < 1) {
            throw invalidMaxItems(text, "Member must have value greater than or equal to 1");
        }
        if (value.compareTo(BigInteger.valueOf(MAX_ITEMS)) > 0) {
            throw invalidMaxItems(text, "Member must have value less than or equal to " + MAX_ITEMS);
        }
        return value.intValue();
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String marker) {
        try {
            if (!marker.isEmpty()) {
                return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            // told below
        }
        throw new DoorRefusal(AwsErrors.validation("Invalid Marker: give the Marker of the previous page's answer, unchanged."));
    }

    private static DoorRefusal invalidMaxItems(String text, String constraint) {
        return new DoorRefusal(AwsErrors.invalidValue("maxItems", text, constraint));
    }
}
