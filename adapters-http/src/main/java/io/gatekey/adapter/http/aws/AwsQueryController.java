package io.gatekey.adapter.http.aws;

import io.gatekey.adapter.http.DoorRefusal;
import io.gatekey.adapter.http.Iso8601;
import io.gatekey.adapter.http.SignedCaller;
import io.gatekey.adapter.http.SignedQuery;
import io.gatekey.application.port.in.auth.IdentifyCallerUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.ConflictException;
import io.gatekey.domain.shared.NotFoundException;
import io.gatekey.domain.shared.GatekeyException;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.shared.Limits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS's Query protocol at {@code /}: the action and its parameters in a form (POST, as the SDKs and the CLI send
 * them) or in the query string (GET), signed with SigV4. STS ({@code Version=2011-06-15}): GetSessionToken and
 * GetCallerIdentity; IAM ({@code Version=2010-05-08}, see {@link AwsIam}); answered in AWS's XML.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class AwsQueryController {

    static final String STS_VERSION = "2011-06-15";
    private static final String MFA_FAILED = "MultiFactorAuthentication failed with invalid MFA one time pass code. ";
    private static final Pattern MFA_ARN = Pattern.compile("arn:aws:iam::([A-Za-z0-9_-]{1,64}):mfa/([A-Za-z0-9_-]{1,64})");

    private final AwsSignatureV4 signature;
    private final IssueTemporaryCredentialsUseCase issue;
    private final IdentifyCallerUseCase identify;
    private final AwsIam iam;

    AwsQueryController(AwsSignatureV4 signature, IssueTemporaryCredentialsUseCase issue, IdentifyCallerUseCase identify, AwsIam iam) {
        this.signature = signature;
        this.issue = issue;
        this.identify = identify;
        this.iam = iam;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_XML)
    HttpResponse<?> post(HttpRequest<?> request, @Nullable @Body byte[] body) {
        byte[] form = body == null ? new byte[0] : body;
        return dispatch(request, form, parameters(new String(form, StandardCharsets.UTF_8)));
    }

    @Get(produces = MediaType.TEXT_XML)
    HttpResponse<?> get(HttpRequest<?> request) {
        return dispatch(request, new byte[0], query(request.getUri().getRawQuery()));
    }

    private HttpResponse<?> dispatch(HttpRequest<?> request, byte[] body, Map<String, String> parameters) {
        String action = parameters.get("Action");
        if (action == null || action.isEmpty()) {
            return AwsErrors.sender(HttpStatus.BAD_REQUEST, "MissingAction", "Missing Action");
        }
        return switch (action) {
            case "GetSessionToken" -> {
                SignedCaller caller = signature.signedOnce(request, body, "sts");
                requireVersion(parameters, STS_VERSION);
                yield getSessionToken(caller, parameters);
            }
            case "GetCallerIdentity" -> {
                Principal caller = signature.principal(request, body, "sts", false);
                requireVersion(parameters, STS_VERSION);
                yield getCallerIdentity(caller);
            }
            default -> {
                if (!AwsIam.handles(action)) {
                    yield AwsErrors.sender(HttpStatus.BAD_REQUEST, "InvalidAction", "Could not find operation " + action + " for version "
                            + parameters.getOrDefault("Version", "NO_VERSION_SPECIFIED"));
                }
                AwsErrors.answerIn(request, AwsIam.NAMESPACE);
                // Every IAM action but the reads changes state: its signature is accepted once.
                boolean read = action.startsWith("Get") || action.startsWith("List");
                try {
                    Principal caller = signature.principal(request, body, "iam", !read);
                    requireVersion(parameters, AwsIam.VERSION);
                    yield iam.answer(caller, action, parameters);
                } catch (GatekeyException e) {
                    // Thrown, not returned: a returned 404 would be routed to the server's not-found handler again.
                    throw new DoorRefusal(broken(e));
                }
            }
        };
    }

    private HttpResponse<?> getSessionToken(SignedCaller signed, Map<String, String> parameters) {
        Principal caller = signed.caller();
        if (caller instanceof Principal.SubAccountUser user && user.accessKeyId().isTemporary()) {
            // AWS's rule, stricter than Gatekey's own doors (which let a temporary key mint another with a fresh code).
            return AwsErrors.sender(HttpStatus.FORBIDDEN, "AccessDenied", "Cannot call GetSessionToken with session credentials");
        }
        Long duration = null;
        String durationText = parameters.get("DurationSeconds");
        if (durationText != null) {
            if (!durationText.matches("[0-9]{1,9}")) {
                return AwsErrors.invalidValue("durationSeconds", durationText, "Member must be an integer");
            }
            duration = Long.parseLong(durationText);
        }
        String serial = parameters.get("SerialNumber");
        String code = parameters.get("TokenCode");
        if ((serial == null) != (code == null)) {
            return AwsErrors.validation("SerialNumber and TokenCode must be given together");
        }
        Optional<IssueTemporaryCredentialsUseCase.MfaPresentation> mfa = Optional.empty();
        if (serial != null) {
            if (!code.matches("[0-9]{6}")) {
                return AwsErrors.validation("1 validation error detected: Value at 'tokenCode' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\d]* and have length 6");
            }
            mfa = Optional.of(new IssueTemporaryCredentialsUseCase.MfaPresentation(Optional.of(serialNumber(serial)), MfaDeviceType.VIRTUAL, code));
        }
        IssueTemporaryCredentialsUseCase.Command command;
        try {
            command = IssueTemporaryCredentialsUseCase.Command.of(caller, Optional.empty(), DurationPolicy.AWS, duration, mfa).withNonce(signed.nonce());
        } catch (InvalidValueException e) {
            return AwsErrors.invalidValue("durationSeconds", durationText, "Member must have value between 900 and 129600");
        }
        IssueTemporaryCredentialsUseCase.Result result = issue.issue(command);
        if (result instanceof IssueTemporaryCredentialsUseCase.RequestReplayed) {
            return AwsSignatureV4.replayed();
        }
        if (!(result instanceof IssueTemporaryCredentialsUseCase.Issued issued)) {
            return AwsErrors.sender(HttpStatus.FORBIDDEN, "AccessDenied", MFA_FAILED);
        }
        TemporaryCredential credential = issued.credential();
        String credentials = "<Credentials>" + AwsXml.element("AccessKeyId", credential.accessKeyId().value())
                + AwsXml.element("SecretAccessKey", credential.secret().reveal())
                + AwsXml.element("SessionToken", credential.sessionToken().reveal())
                + AwsXml.element("Expiration", Iso8601.seconds(credential.expiresAt())) + "</Credentials>";
        return AwsXml.result("GetSessionToken", AwsErrors.STS_NAMESPACE, credentials);
    }

    private HttpResponse<?> getCallerIdentity(Principal caller) {
        String account = caller.account().map(Object::toString).orElseThrow(() -> new AccessDeniedException("the caller belongs to no account"));
        String arn;
        String userId;
        if (caller instanceof Principal.SubAccountUser user) {
            // The user as authenticating this request read it: answering who signed reads no storage.
            var subAccount = identify.callerSubAccount(caller).orElseThrow();
            arn = "arn:aws:iam::" + account + ":user/" + subAccount.name().value();
            userId = user.subAccountId().value();
        } else {
            arn = "arn:aws:iam::" + account + ":root";
            userId = account;
        }
        return AwsXml.result("GetCallerIdentity", AwsErrors.STS_NAMESPACE,
                AwsXml.element("Arn", arn) + AwsXml.element("UserId", userId) + AwsXml.element("Account", account));
    }

    /** AWS's device ARN, {@code arn:aws:iam::{account}:mfa/{name}}, or Gatekey's own serial number. */
    static MfaSerialNumber serialNumber(String value) {
        Matcher arn = MFA_ARN.matcher(value);
        try {
            return new MfaSerialNumber(arn.matches() ? "iam::" + arn.group(1) + ":mfa:" + arn.group(2) : value);
        } catch (InvalidValueException e) {
            throw new DoorRefusal(AwsErrors.validation("1 validation error detected: Value at 'serialNumber' failed to satisfy constraint: "
                    + "Member must be an MFA device ARN, arn:aws:iam::{account}:mfa/{name}"));
        }
    }

    private static void requireVersion(Map<String, String> parameters, String version) {
        if (!version.equals(parameters.get("Version"))) {
            throw new DoorRefusal(AwsErrors.sender(HttpStatus.BAD_REQUEST, "InvalidAction", "Could not find operation "
                    + parameters.get("Action") + " for version " + parameters.getOrDefault("Version", "NO_VERSION_SPECIFIED")));
        }
    }

    /** A form or query string: names and values decoded ('+' is a space), the first of repeated names kept. */
    static Map<String, String> parameters(String encoded) {
        return decoded(encoded, false);
    }

    /**
     * A query's parameters, decoded as its signature's canonical query decodes them ('+' a space). A name given twice
     * is refused: the canonical query sorts a name's values, so the signature would not tell which one was read.
     */
    static Map<String, String> query(String rawQuery) {
        return decoded(rawQuery == null ? "" : rawQuery, true);
    }

    private static Map<String, String> decoded(String encoded, boolean eachNameOnce) {
        Map<String, List<String>> given;
        try {
            given = SignedQuery.parameters(encoded);
        } catch (IllegalArgumentException e) {
            throw malformedEncoding();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        given.forEach((name, values) -> {
            if (eachNameOnce && values.size() > 1) {
                throw new DoorRefusal(AwsErrors.sender(HttpStatus.BAD_REQUEST, "MalformedQueryString", "The query string gives " + name + " more than once."));
            }
            parameters.put(name, values.get(0));
        });
        return parameters;
    }

    /**
     * One name or value of a form or query, percent-decoded ('+' a space): the one decoding of the door, which the
     * signature's canonical query uses too, so that what is signed and what is read cannot differ.
     */
    static String decode(String component) {
        try {
            return URLDecoder.decode(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformedEncoding();
        }
    }

    private static DoorRefusal malformedEncoding() {
        return new DoorRefusal(AwsErrors.sender(HttpStatus.BAD_REQUEST, "MalformedQueryString", "The parameters have a malformed percent-encoding."));
    }

    @Error(exception = GatekeyException.class)
    HttpResponse<?> broken(GatekeyException e) {
        if (e instanceof InvalidValueException) {
            return AwsErrors.validation(e.getMessage());
        }
        if (e instanceof NotFoundException missing) {
            return AwsIam.noSuchEntity(switch (missing.missing()) {
                // Named as the caller named it: AWS's ARN, not Gatekey's own serial number.
                case MFA_DEVICE -> "VirtualMFADevice with serial number " + AwsIam.arn(new MfaSerialNumber(missing.id())) + " doesn't exist.";
                case ACCESS_KEY -> "The Access Key with id " + missing.id() + " cannot be found.";
                default -> e.getMessage();
            });
        }
        if (e instanceof ConflictException conflict) {
            // IAM's code for each: the SDKs raise a class of exception per code.
            return switch (conflict.conflict()) {
                case ACCESS_KEY_LIMIT, SUB_ACCOUNT_LIMIT -> AwsErrors.conflict("LimitExceeded", e.getMessage());
                case ACCESS_KEY_QUOTA -> AwsErrors.conflict("LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: " + Limits.ACCESS_KEYS_PER_OWNER);
                case SUB_ACCOUNT_NAME_TAKEN, MFA_DEVICE_NAME_TAKEN, MFA_DEVICE_LIMIT, MFA_DEVICE_ALREADY_ENABLED, LOGIN_ALIAS_TAKEN ->
                        AwsErrors.conflict("EntityAlreadyExists", e.getMessage());
                case MFA_DEVICE_ENABLED -> AwsErrors.conflict("DeleteConflict", e.getMessage());
                // A device not enabled is no MFA device of its user to IAM (ResyncMFADevice, DeactivateMFADevice).
                case MFA_DEVICE_NOT_ENABLED -> AwsIam.noSuchEntity(e.getMessage());
            };
        }
        return AwsErrors.sender(HttpStatus.FORBIDDEN, "AccessDenied", e.getMessage());
    }
}
