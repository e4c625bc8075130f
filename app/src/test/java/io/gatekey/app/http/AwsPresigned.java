package io.gatekey.app.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4PresignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/** A GET of the AWS door presigned by the AWS SDK's own signer, valid for 60 s of the server's clock. */
final class AwsPresigned {

    private AwsPresigned() {
    }

    /** {@code query} (Action, Version and the action's parameters) presigned for {@code service} (sts, iam) with {@code credentials}. */
    static SdkHttpFullRequest get(TestServer server, AwsCredentials credentials, String service, Map<String, String> query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        query.forEach((name, value) -> values.put(name, List.of(value)));
        return getAll(server, credentials, service, values);
    }

    /** The same with any number of values for a name, as the SDK signs them (sorted by name, then value). */
    static SdkHttpFullRequest getAll(TestServer server, AwsCredentials credentials, String service, Map<String, List<String>> query) {
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(URI.create(server.uri("").toString()))
                .encodedPath("/");
        query.forEach(unsigned::putRawQueryParameter);
        @SuppressWarnings("deprecation")
        SdkHttpFullRequest presigned = Aws4Signer.create().presign(unsigned.build(), Aws4PresignerParams.builder().awsCredentials(credentials)
                .signingName(service).signingRegion(Region.US_EAST_1).expirationTime(server.clock.instant().plusSeconds(60)).build());
        return presigned;
    }
}
