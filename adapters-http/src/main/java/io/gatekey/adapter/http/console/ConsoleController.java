package io.gatekey.adapter.http.console;

import io.gatekey.adapter.http.ClientAddresses;
import io.gatekey.adapter.http.Iso8601;
import io.gatekey.adapter.http.QrCodePng;
import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.ListAccessKeysUseCase;
import io.gatekey.application.port.in.account.GetSubAccountUseCase;
import io.gatekey.application.port.in.console.ChangeConsolePasswordUseCase;
import io.gatekey.application.port.in.console.ConfirmConsoleCodeUseCase;
import io.gatekey.application.port.in.console.ConsoleStep;
import io.gatekey.application.port.in.console.EnrolConsoleDeviceUseCase;
import io.gatekey.application.port.in.console.SignInToConsoleUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.ListTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase.CreatedMfaDevice;
import io.gatekey.application.port.in.mfa.DeleteMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DisableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ListMfaDevicesUseCase;
import io.gatekey.application.port.in.mfa.ResyncMfaDeviceUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.ConsolePassword;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.console.ConsoleSessionToken;
import io.gatekey.domain.console.SignInStage;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.ConflictException;
import io.gatekey.domain.shared.GatekeyException;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.shared.NotFoundException;
import io.gatekey.domain.shared.Secrets;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sub account console at {@code /nsa/{loginAlias}}: sign-in with password and one-time code, the steps a
 * sign-in may owe (a new password, a first device), and the signed-in user's own devices, keys and temporary
 * credentials. Pages work without script; every form carries its session's CSRF token, and the session cookie is
 * HttpOnly, SameSite=Strict, scoped to the alias's path, and Secure under TLS.
 */
@Controller("/nsa")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ConsoleController {

    static final String SESSION_COOKIE = "gatekey_session";
    /** Before sign-in there is no session: the sign-in form's token is echoed by this cookie instead (double submit). */
    static final String FORM_COOKIE = "gatekey_form";
    private static final String ALIAS = "{loginAlias:[a-z0-9]+}";

    private final ConsoleUseCases useCases;
    private final ClientAddresses clients;
    /** Behind a proxy that ends TLS the request itself is plain HTTP: this says the cookies are for HTTPS anyway. */
    private final boolean secureCookies;
    private final SecureRandom random = new SecureRandom();
    private final byte[] stylesheet;
    private final ConsolePages pages;

    ConsoleController(ConsoleUseCases useCases, ClientAddresses clients, @Value("${gatekey.console.secure-cookies:false}") boolean secureCookies,
                      ConsolePages pages) {
        this.useCases = useCases;
        this.clients = clients;
        this.secureCookies = secureCookies;
        this.pages = pages;
        try (InputStream css = ConsoleController.class.getResourceAsStream("/views/console/console.css")) {
            this.stylesheet = css.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(uri = "/-/console.css", produces = "text/css")
    HttpResponse<byte[]> stylesheet() {
        return HttpResponse.ok(stylesheet).header("Cache-Control", "max-age=3600");
    }

    // ---- sign-in ----

    @Get(uri = "/" + ALIAS)
    HttpResponse<?> signInPage(HttpRequest<?> request, @PathVariable String loginAlias) {
        Optional<ConsoleSession> session = session(request);
        if (session.isPresent()) {
            return redirect(loginAlias, session.get().stage());
        }
        return signInForm(request, loginAlias, HttpStatus.OK, null);
    }

    private HttpResponse<?> signInForm(HttpRequest<?> request, String loginAlias, HttpStatus status, @Nullable String error) {
        String token = randomToken();
        Map<String, Object> model = model(loginAlias, token, "Sign in");
        model.put("error", error);
        return page(status, "console/signin", model).cookie(cookie(request, loginAlias, FORM_COOKIE, token));
    }

    @Post(uri = "/" + ALIAS + "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @PathVariable String loginAlias, @Body ConsoleForm form) {
        String expected = request.getCookies().findCookie(FORM_COOKIE).map(Cookie::getValue).orElse("");
        if (expected.isEmpty() || !same(expected, form.csrf())) {
            return formExpired();
        }
        SignInToConsoleUseCase.Result result = useCases.signIn().signIn(new SignInToConsoleUseCase.Command(loginAlias, form.loginId(),
                form.password(), clients.of(request)));
        if (result instanceof SignInToConsoleUseCase.Begun begun) {
            return advance(request, loginAlias, begun.token(), begun.session());
        }
        return signInForm(request, loginAlias, HttpStatus.UNAUTHORIZED,
                "The login ID or password is not correct, or this user cannot sign in here now. Repeated failures lock the sign-in for a while.");
    }

    @Get(uri = "/" + ALIAS + "/code")
    HttpResponse<?> codePage(HttpRequest<?> request, @PathVariable String loginAlias) {
        return at(request, loginAlias, SignInStage.CODE, session -> codeForm(loginAlias, session, HttpStatus.OK, null));
    }

    private MutableHttpResponse<?> codeForm(String loginAlias, ConsoleSession session, HttpStatus status, @Nullable String error) {
        return stepForm("console/code", "One-time code", loginAlias, session, status, error);
    }

    /** The form of a sign-in step, with what went wrong at its last try. */
    private MutableHttpResponse<?> stepForm(String view, String title, String loginAlias, ConsoleSession session, HttpStatus status,
                                            @Nullable String error) {
        Map<String, Object> model = model(loginAlias, session.csrfToken(), title);
        model.put("error", error);
        return page(status, view, model);
    }

    @Post(uri = "/" + ALIAS + "/code", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> code(HttpRequest<?> request, @PathVariable String loginAlias, @Body ConsoleForm form) {
        return posted(request, loginAlias, form, SignInStage.CODE, session -> {
            ConsoleStep.Outcome step = useCases.confirmCode().confirm(new ConfirmConsoleCodeUseCase.Command(session, Optional.empty(), form.code()));
            if (step instanceof ConsoleStep.Advanced advanced) {
                return advance(request, loginAlias, advanced.token(), advanced.session());
            }
            return codeForm(loginAlias, session, HttpStatus.UNAUTHORIZED, refusal(((ConsoleStep.Refused) step).reason()));
        });
    }

    @Get(uri = "/" + ALIAS + "/password")
    HttpResponse<?> passwordPage(HttpRequest<?> request, @PathVariable String loginAlias) {
        return at(request, loginAlias, SignInStage.NEW_PASSWORD, session -> passwordForm(loginAlias, session, HttpStatus.OK, null));
    }

    private MutableHttpResponse<?> passwordForm(String loginAlias, ConsoleSession session, HttpStatus status, @Nullable String error) {
        return stepForm("console/password", "Choose a new password", loginAlias, session, status, error);
    }

    @Post(uri = "/" + ALIAS + "/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> password(HttpRequest<?> request, @PathVariable String loginAlias, @Body ConsoleForm form) {
        return posted(request, loginAlias, form, SignInStage.NEW_PASSWORD, session -> {
            if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
                return passwordForm(loginAlias, session, HttpStatus.BAD_REQUEST, "The two passwords are not the same.");
            }
            try {
                ConsoleStep.Advanced advanced = useCases.changePassword().change(
                        new ChangeConsolePasswordUseCase.Command(session, ConsolePassword.of(form.newPassword())));
                return advance(request, loginAlias, advanced.token(), advanced.session());
            } catch (InvalidValueException e) {
                return passwordForm(loginAlias, session, HttpStatus.BAD_REQUEST, "The password must be " + e.rule() + ".");
            }
        });
    }

    @Get(uri = "/" + ALIAS + "/enrol")
    HttpResponse<?> enrolPage(HttpRequest<?> request, @PathVariable String loginAlias) {
        return at(request, loginAlias, SignInStage.ENROL, session -> enrolment(loginAlias, session, useCases.enrol().begin(session), "enrol", null));
    }

    /** The page that shows a new device's QR code and seed (this once), with the form that enables it. */
    private MutableHttpResponse<?> enrolment(String loginAlias, ConsoleSession session, CreatedMfaDevice created, String action, @Nullable String error) {
        Map<String, Object> model = model(loginAlias, session.csrfToken(), "Set up your authenticator");
        model.put("serialNumber", created.device().serialNumber().value());
        model.put("seed", created.base32Seed());
        model.put("otpauthUri", created.otpauthUri());
        model.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodePng.of(created.otpauthUri())));
        model.put("action", "/nsa/" + loginAlias + "/" + action);
        model.put("mandatory", session.stage() == SignInStage.ENROL);
        model.put("error", error);
        return page(error == null ? HttpStatus.OK : HttpStatus.UNAUTHORIZED, "console/enrol", model);
    }

    @Post(uri = "/" + ALIAS + "/enrol", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enrol(HttpRequest<?> request, @PathVariable String loginAlias, @Body ConsoleForm form) {
        return posted(request, loginAlias, form, SignInStage.ENROL, session -> finishEnrolment(request, loginAlias, session, form, "enrol"));
    }

    private HttpResponse<?> finishEnrolment(HttpRequest<?> request, String loginAlias, ConsoleSession session, ConsoleForm form, String action) {
        ConsoleStep.Outcome step = useCases.enrol().finish(new EnrolConsoleDeviceUseCase.Finish(session, serial(form.serialNumber()),
                text(form.code1()), text(form.code2())));
        if (step instanceof ConsoleStep.Advanced advanced) {
            return advance(request, loginAlias, advanced.token(), advanced.session());
        }
        // The seed is not shown twice: a new device replaces the one whose codes were refused.
        CreatedMfaDevice fresh = useCases.enrol().begin(session);
        return enrolment(loginAlias, session, fresh, action, refusal(((ConsoleStep.Refused) step).reason())
                + " Scan this new code and try again.");
    }

    @Post(uri = "/" + ALIAS + "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(HttpRequest<?> request, @PathVariable String loginAlias, @Body ConsoleForm form) {
        Optional<ConsoleSession> session = session(request);
        if (session.isPresent()) {
            if (!same(session.get().csrfToken(), form.csrf())) {
                return formExpired();
            }
            useCases.signOut().signOut(session.get());
        }
        Cookie ended = cookie(request, loginAlias, SESSION_COOKIE, "").maxAge(0);
        return HttpResponse.seeOther(URI.create("/nsa/" + loginAlias)).cookie(ended);
    }

    // ---- the console ----

    @Get(uri = "/" + ALIAS + "/console")
    HttpResponse<?> home(HttpRequest<?> request, @PathVariable String loginAlias) {
        return at(request, loginAlias, SignInStage.SIGNED_IN, session -> home(loginAlias, session, HttpStatus.OK, null, null));
    }

    private MutableHttpResponse<?> home(String loginAlias, ConsoleSession session, HttpStatus status, @Nullable String notice, @Nullable String error) {
        Principal me = session.principal();
        SubAccount user = useCases.getSubAccount().get(new GetSubAccountUseCase.Command(me, session.subAccountId()));
        List<MfaDevice> devices = useCases.listDevices().list(new ListMfaDevicesUseCase.Query(me, session.accountId(),
                Optional.of(session.subAccountId()), Optional.empty(), ListMfaDevicesUseCase.MAX_LIMIT)).devices();
        List<AccessKey> keys = useCases.listKeys().list(new ListAccessKeysUseCase.Query(me, KeyOwner.subAccount(session.accountId(), session.subAccountId())));
        List<TemporaryCredential> credentials = useCases.listCredentials().list(new ListTemporaryCredentialsUseCase.Query(me, session.subAccountId()));
        Map<String, Object> model = model(loginAlias, session.csrfToken(), "Console");
        model.put("loginId", user.name().value());
        model.put("name", user.profile().name());
        model.put("lastLogin", user.lastLoginAt().map(Iso8601::seconds).orElse("-"));
        model.put("devices", devices.stream().map(d -> row("serialNumber", d.serialNumber().value(), "name", d.name().value(),
                "type", d.type().name().toLowerCase(), "status", d.status().name().toLowerCase(), "enabled", d.isEnabled())).toList());
        model.put("hasEnabledDevice", devices.stream().anyMatch(MfaDevice::isEnabled));
        model.put("canEnrol", devices.stream().noneMatch(d -> d.type() == MfaDeviceType.VIRTUAL && d.isEnabled()));
        model.put("keys", keys.stream().map(k -> row("accessKey", k.id().value(), "active", k.active(), "created", Iso8601.seconds(k.createdAt()))).toList());
        model.put("credentials", credentials.stream().filter(c -> !c.revoked()).map(c -> row("accessKey", c.accessKeyId().value(),
                "expires", Iso8601.seconds(c.expiresAt()), "mfa", c.mfa().isPresent())).toList());
        model.put("notice", notice);
        model.put("error", error);
        return page(status, "console/home", model);
    }

    @Post(uri = "/" + ALIAS + "/console/devices", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> newDevice(HttpRequest<?> request, @PathVariable String loginAlias, @Body ConsoleForm form) {
        return posted(request, loginAlias, form, SignInStage.SIGNED_IN,
                session -> enrolment(loginAlias, session, useCases.enrol().begin(session), "console/devices/enable", null));
    }

    @Post(uri = "/" + ALIAS + "/console/devices/enable", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enableDevice(HttpRequest<?> request, @PathVariable String loginAlias, @Body ConsoleForm form) {
        return posted(request, loginAlias, form, SignInStage.SIGNED_IN,
                session -> finishEnrolment(request, loginAlias, session, form, "console/devices/enable"));
    }

    @Post(uri = "/" + ALIAS + "/console/devices/resync", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resyncDevice(HttpRequest<?> request, @PathVariable String loginAlias, @Body ConsoleForm form) {
        return posted(request, loginAlias, form, SignInStage.SIGNED_IN, session -> {
            MfaCheck check = useCases.resyncDevice().resync(new ResyncMfaDeviceUseCase.Command(session.principal(), session.subAccountId(),
                    serial(form.serialNumber()), text(form.code1()), text(form.code2())));
            if (check instanceof MfaCheck.Rejected rejected) {
                return home(loginAlias, session, HttpStatus.UNAUTHORIZED, null, refusal(rejected.reason()));
            }
            return home(loginAlias, session, HttpStatus.OK, "The device is in step again.", null);
        });
    }

    /** Removing a device takes a fresh code of an enabled device (MFA guards its own removal), then disables and deletes it. */
    @Post(uri = "/" + ALIAS + "/console/devices/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeDevice(HttpRequest<?> request, @PathVariable String loginAlias, @Body ConsoleForm form) {
        return posted(request, loginAlias, form, SignInStage.SIGNED_IN, session -> {
            MfaSerialNumber serial = serial(form.serialNumber());
            ConsoleSession acting = session;
            String newToken = null;
            if (form.code() != null && !form.code().isEmpty()) {
                ConsoleStep.Outcome step = useCases.confirmCode().confirm(new ConfirmConsoleCodeUseCase.Command(session, Optional.empty(), form.code()));
                if (step instanceof ConsoleStep.Refused refused) {
                    return home(loginAlias, session, HttpStatus.UNAUTHORIZED, null, refusal(refused.reason()));
                }
                acting = ((ConsoleStep.Advanced) step).session();
                newToken = ((ConsoleStep.Advanced) step).token().reveal();
            }
            Principal me = acting.principal();
            boolean enabled = useCases.listDevices().list(new ListMfaDevicesUseCase.Query(me, acting.accountId(), Optional.of(acting.subAccountId()),
                    Optional.empty(), ListMfaDevicesUseCase.MAX_LIMIT)).devices().stream().anyMatch(d -> d.serialNumber().equals(serial) && d.isEnabled());
            if (enabled) {
                useCases.disableDevice().disable(new DisableMfaDeviceUseCase.Command(me, acting.subAccountId(), serial));
            }
            useCases.deleteDevice().delete(new DeleteMfaDeviceUseCase.Command(me, acting.subAccountId(), serial));
            MutableHttpResponse<?> answer = home(loginAlias, acting, HttpStatus.OK, "The device was removed.", null);
            return newToken == null ? answer : answer.cookie(cookie(request, loginAlias, SESSION_COOKIE, newToken));
        });
    }

    @Post(uri = "/" + ALIAS + "/console/keys", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createKey(HttpRequest<?> request, @PathVariable String loginAlias, @Body ConsoleForm form) {
        return posted(request, loginAlias, form, SignInStage.SIGNED_IN, session -> {
            AccessKey key = useCases.createKey().create(new CreateAccessKeyUseCase.Command(session.principal(),
                    KeyOwner.subAccount(session.accountId(), session.subAccountId())));
            Map<String, Object> model = model(loginAlias, session.csrfToken(), "New access key");
            model.put("accessKey", key.id().value());
            model.put("secretKey", key.secret().reveal());
            return page(HttpStatus.CREATED, "console/key", model);
        });
    }

    @Post(uri = "/" + ALIAS + "/console/keys/deactivate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deactivateKey(HttpRequest<?> request, @PathVariable String loginAlias, @Body ConsoleForm form) {
        return posted(request, loginAlias, form, SignInStage.SIGNED_IN, session -> {
            AccessKeyId id = new AccessKeyId(text(form.accessKey()));
            useCases.deactivateKey().deactivate(new DeactivateAccessKeyUseCase.Command(session.principal(), id));
            return home(loginAlias, session, HttpStatus.OK, "The key " + id.value() + " was deactivated; credentials made with it were revoked.", null);
        });
    }

    @Post(uri = "/" + ALIAS + "/console/credentials", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issue(HttpRequest<?> request, @PathVariable String loginAlias, @Body ConsoleForm form) {
        return posted(request, loginAlias, form, SignInStage.SIGNED_IN, session -> {
            Long seconds = parseSeconds(form.durationSec());
            Optional<IssueTemporaryCredentialsUseCase.MfaPresentation> mfa = Optional.ofNullable(form.code()).filter(c -> !c.isEmpty())
                    .map(c -> new IssueTemporaryCredentialsUseCase.MfaPresentation(Optional.empty(), MfaDeviceType.VIRTUAL, c));
            // NCP's clients send no session token, so the console's credentials sign alone there; the other
            // providers' clients send the token, which is shown for them.
            IssueTemporaryCredentialsUseCase.Result result = useCases.issueCredentials().issue(IssueTemporaryCredentialsUseCase.Command.of(
                    session.principal(), Optional.empty(), DurationPolicy.NCP, seconds, mfa).withoutTokenBinding());
            if (result instanceof IssueTemporaryCredentialsUseCase.MfaRejected rejected) {
                return home(loginAlias, session, HttpStatus.UNAUTHORIZED, null, refusal(rejected.reason()));
            }
            TemporaryCredential credential = ((IssueTemporaryCredentialsUseCase.Issued) result).credential();
            String id = credential.accessKeyId().value();
            String secret = credential.secret().reveal();
            String token = credential.sessionToken().reveal();
            Map<String, Object> model = model(loginAlias, session.csrfToken(), "Temporary credentials");
            model.put("accessKey", id);
            model.put("secretKey", secret);
            model.put("sessionToken", token);
            model.put("expires", Iso8601.seconds(credential.expiresAt()));
            model.put("mfa", credential.mfa().map(p -> p.serialNumber().value()).orElse("none"));
            model.put("environments", List.of(
                    row("provider", "NCP (scripts/ncp-curl, Terraform's ncloud provider)", "lines", "export NCP_ACCESS_KEY=" + id + "\nexport NCP_SECRET_KEY="
                            + secret + "\nexport NCLOUD_ACCESS_KEY=" + id + "\nexport NCLOUD_SECRET_KEY=" + secret),
                    row("provider", "AWS (aws CLI, AWS SDKs)", "lines", "export AWS_ACCESS_KEY_ID=" + id + "\nexport AWS_SECRET_ACCESS_KEY=" + secret
                            + "\nexport AWS_SESSION_TOKEN=" + token),
                    row("provider", "Tencent Cloud (tccli, SDKs)", "lines", "export TENCENTCLOUD_SECRET_ID=" + id + "\nexport TENCENTCLOUD_SECRET_KEY="
                            + secret + "\nexport TENCENTCLOUD_SESSION_TOKEN=" + token),
                    row("provider", "Huawei Cloud (SDKs)", "lines", "export HUAWEICLOUD_SDK_AK=" + id + "\nexport HUAWEICLOUD_SDK_SK=" + secret
                            + "\nexport HUAWEICLOUD_SDK_SECURITY_TOKEN=" + token)));
            return page(HttpStatus.CREATED, "console/credentials", model);
        });
    }

    // ---- errors, in the console's own pages ----

    @Error(exception = GatekeyException.class)
    HttpResponse<?> refused(HttpRequest<?> request, GatekeyException e) {
        String loginAlias = aliasOf(request.getPath());
        HttpStatus status = e instanceof InvalidValueException ? HttpStatus.BAD_REQUEST
                : e instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : e instanceof ConflictException ? HttpStatus.CONFLICT
                : HttpStatus.FORBIDDEN;
        String message = e instanceof InvalidValueException invalid ? "The value of " + invalid.field() + " must be " + invalid.rule() + "."
                : e instanceof ConflictException conflict ? conflictText(conflict)
                : e.getMessage();
        Optional<ConsoleSession> session = session(request).filter(s -> s.stage() == SignInStage.SIGNED_IN);
        if (session.isPresent() && loginAlias != null) {
            return home(loginAlias, session.get(), status, null, capitalized(message));
        }
        Map<String, Object> model = model(loginAlias == null ? "" : loginAlias, "", "Not done");
        model.put("error", capitalized(message));
        return page(status, "console/error", model);
    }

    private static String conflictText(ConflictException conflict) {
        return switch (conflict.conflict()) {
            case ACCESS_KEY_LIMIT -> "You hold two active access keys already: deactivate one first.";
            case MFA_DEVICE_LIMIT -> "You have a virtual MFA device already.";
            default -> conflict.getMessage();
        };
    }

    // ---- helpers ----

    /** A GET of a sign-in step's page: without a session, to the sign-in; at another step, to that step's page. */
    private HttpResponse<?> at(HttpRequest<?> request, String loginAlias, SignInStage stage, java.util.function.Function<ConsoleSession, HttpResponse<?>> page) {
        Optional<ConsoleSession> session = session(request);
        if (session.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/nsa/" + loginAlias));
        }
        if (session.get().stage() != stage) {
            return redirect(loginAlias, session.get().stage());
        }
        return page.apply(session.get());
    }

    /** A form posted in a session at {@code stage}, whose CSRF token must match the session's. */
    private HttpResponse<?> posted(HttpRequest<?> request, String loginAlias, ConsoleForm form, SignInStage stage,
                                   java.util.function.Function<ConsoleSession, HttpResponse<?>> action) {
        Optional<ConsoleSession> session = session(request);
        if (session.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/nsa/" + loginAlias));
        }
        if (!same(session.get().csrfToken(), form.csrf())) {
            return formExpired();
        }
        if (session.get().stage() != stage) {
            return redirect(loginAlias, session.get().stage());
        }
        return action.apply(session.get());
    }

    private Optional<ConsoleSession> session(HttpRequest<?> request) {
        return request.getCookies().findCookie(SESSION_COOKIE).map(Cookie::getValue).flatMap(value -> {
            try {
                return Optional.of(ConsoleSessionToken.parse(value));
            } catch (InvalidValueException e) {
                return Optional.empty();
            }
        }).flatMap(useCases.resume()::resume);
    }

    /** The session moved on under a new token: the cookie follows, and the browser goes to the next step's page. */
    private HttpResponse<?> advance(HttpRequest<?> request, String loginAlias, ConsoleSessionToken token, ConsoleSession session) {
        return redirect(loginAlias, session.stage()).cookie(cookie(request, loginAlias, SESSION_COOKIE, token.reveal()));
    }

    private static MutableHttpResponse<?> redirect(String loginAlias, SignInStage stage) {
        String step = switch (stage) {
            case CODE -> "code";
            case NEW_PASSWORD -> "password";
            case ENROL -> "enrol";
            case SIGNED_IN -> "console";
        };
        return HttpResponse.seeOther(URI.create("/nsa/" + loginAlias + "/" + step));
    }

    private Cookie cookie(HttpRequest<?> request, String loginAlias, String name, String value) {
        return Cookie.of(name, value).path("/nsa/" + loginAlias).httpOnly(true).sameSite(SameSite.Strict).secure(secureCookies || request.isSecure());
    }

    private static HttpResponse<?> formExpired() {
        return ConsoleDoor.page(HttpStatus.FORBIDDEN, "Form expired",
                "The form was not accepted: its security token is missing or does not match this session. Go back, reload the page and try again.");
    }

    private MutableHttpResponse<?> page(HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8").body(pages.render(view, model));
    }

    private static Map<String, Object> model(String loginAlias, String csrf, String title) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("alias", loginAlias);
        model.put("base", "/nsa/" + loginAlias);
        model.put("csrf", csrf);
        model.put("title", title);
        return model;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static String refusal(MfaCheck.Reason reason) {
        return switch (reason) {
            case MALFORMED -> "A code is exactly 6 digits.";
            case INVALID -> "That code is not correct.";
            case REPLAYED -> "That code was used already: wait for the next one.";
            case NOT_CONSECUTIVE -> "The two codes must be consecutive: enter one, wait for the next, enter it.";
            case LOCKED -> "Too many wrong codes: the device is locked for a while.";
            case NOT_ENABLED -> "That device is not enabled.";
            case NO_DEVICE -> "There is no enabled device to check the code with.";
        };
    }

    private static boolean same(String expected, @Nullable String offered) {
        return offered != null && Secrets.constantTimeEquals(expected.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    private static MfaSerialNumber serial(@Nullable String text) {
        return new MfaSerialNumber(text(text));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static Long parseSeconds(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("durationSec", "a whole number of seconds");
        }
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static String aliasOf(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 && parts[2].matches("[a-z0-9]{3,20}") ? parts[2] : null;
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
