package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatekey.application.port.in.account.CreateAccountUseCase;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.SetLoginAliasUseCase;
import io.gatekey.application.port.in.account.SetSubAccountPasswordUseCase;
import io.gatekey.application.port.in.account.UpdateSubAccountUseCase;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.AccountName;
import io.gatekey.domain.account.ConsolePassword;
import io.gatekey.domain.account.LoginAlias;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import io.gatekey.domain.account.SubAccountProfile;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as a person uses it, in Debian's Chromium driven through chromedriver: sign-in through the alias, a
 * due new password, the mandatory first device enrolled from the seed on the page, sign-out and sign-in with a code,
 * temporary credentials issued and used at the NCP door, a replayed code and a locked-out user refused. Every page
 * is saved as a screenshot under {@code target/console-screenshots}. CI installs the browser; elsewhere the test is
 * skipped when it is missing.
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final String PASSWORD = "Tempor4ry-Pass!";
    private static final String NEW_PASSWORD = "N3w-Battery!";

    @TempDir
    Path profile;

    private TestServer server;
    private ChromeDriver browser;
    private String base;
    private TotpSeed seed;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) || System.getenv("CI") != null,
                "Debian's chromium and chromium-driver are not installed here");
        server = TestServer.on("mariadb", Map.of());
        Principal operator = new Principal.Operator();
        AccountId account = server.useCases.createAccount().create(new CreateAccountUseCase.Command(operator, new AccountName("Example Corp")))
                .account().id();
        server.useCases.setLoginAlias().setLoginAlias(new SetLoginAliasUseCase.Command(operator, account, new LoginAlias("examplecorp")));
        SubAccount alice = server.useCases.createSubAccount().create(new CreateSubAccountUseCase.Command(operator, account, new SubAccountName("alice")));
        SubAccountProfile p = alice.profile();
        server.useCases.updateSubAccount().update(new UpdateSubAccountUseCase.Command(operator, alice.id(), new SubAccountProfile("Alice Example",
                p.email(), p.memo(), true, false, List.of(), true, true, true, false, List.of()), Optional.empty()));
        server.useCases.setSubAccountPassword().setPassword(new SetSubAccountPasswordUseCase.Command(operator, alice.id(),
                ConsolePassword.of(PASSWORD), true));
        base = server.uri("/nsa/examplecorp").toString();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--window-size=1000,1300");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aUserSignsInEnrolsIssuesCredentialsAndIsRefusedAReplayedCodeAndWhenLockedOut() {
        // The alias's sign-in page; the password the admin set must be changed first.
        browser.get(base);
        shot("1-sign-in");
        assertEquals("username", field("loginId").getAttribute("autocomplete"));
        assertEquals("current-password", field("password").getAttribute("autocomplete"));
        assertEquals("loginId", browser.switchTo().activeElement().getAttribute("id"), "the first field has the focus");
        signIn(PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("/nsa/examplecorp/password"), browser.getCurrentUrl());
        shot("2-new-password");
        assertEquals("new-password", field("newPassword").getAttribute("autocomplete"));
        field("newPassword").sendKeys(NEW_PASSWORD);
        field("confirmPassword").sendKeys(NEW_PASSWORD);
        submit();

        // MFA is mandatory and there is no device: enrol one from the seed shown as text beside the QR code.
        assertTrue(browser.getCurrentUrl().endsWith("/nsa/examplecorp/enrol"), browser.getCurrentUrl());
        shot("3-enrol");
        WebElement qr = browser.findElement(By.id("qr"));
        assertTrue(qr.getAttribute("src").startsWith("data:image/png;base64,"));
        assertEquals(300L, ((Number) browser.executeScript("return arguments[0].naturalWidth", qr)).longValue(), "the QR image loaded");
        seed = TotpSeed.fromBase32(field("seed").getAttribute("value"));
        field("code1").sendKeys(code(-1));
        field("code2").sendKeys(code(0));
        submit();
        assertTrue(browser.getCurrentUrl().endsWith("/nsa/examplecorp/console"), browser.getCurrentUrl());
        assertEquals("alice", browser.findElement(By.id("loginId")).getText());
        assertTrue(browser.getPageSource().contains("enabled"), "the device is listed as enabled");
        shot("4-console");
        click(browser.findElement(By.id("signOut")));
        assertTrue(browser.getCurrentUrl().endsWith("/nsa/examplecorp"), browser.getCurrentUrl());

        // Back with the new password and a fresh code.
        server.clock.advance(Duration.ofSeconds(30));
        signIn(NEW_PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("/nsa/examplecorp/code"), browser.getCurrentUrl());
        assertEquals("one-time-code", field("code").getAttribute("autocomplete"));
        shot("5-code");
        field("code").sendKeys(code(0));
        submit();
        assertTrue(browser.getCurrentUrl().endsWith("/nsa/examplecorp/console"), browser.getCurrentUrl());

        // Temporary credentials with another fresh code, used at once through a signed NCP request.
        server.clock.advance(Duration.ofSeconds(30));
        String issuingCode = code(0);
        field("durationSec").clear();
        field("durationSec").sendKeys("900");
        field("issueCode").sendKeys(issuingCode);
        click(browser.findElement(By.id("issue")));
        shot("6-credentials");
        String accessKey = field("accessKey").getAttribute("value");
        String secretKey = field("secretKey").getAttribute("value");
        assertTrue(browser.findElement(By.id("env-1")).getText().contains("AWS_ACCESS_KEY_ID=" + accessKey));
        HttpResponse<String> described = new NcpClient(server, accessKey, secretKey).send("GET", "/api/v1/credentials", null);
        assertEquals(200, described.statusCode(), described.body());
        assertTrue(described.body().contains("\"accessKey\":\"" + accessKey + "\""), described.body());
        assertTrue(described.body().contains("\"useMfa\":true"), described.body());
        browser.get(base + "/console");
        click(browser.findElement(By.id("signOut")));

        // The code that issued those credentials is spent: a sign-in with it is refused.
        signIn(NEW_PASSWORD);
        field("code").sendKeys(issuingCode);
        submit();
        assertTrue(browser.getCurrentUrl().endsWith("/nsa/examplecorp/code"), browser.getCurrentUrl());
        assertTrue(alert().contains("used already"), alert());
        shot("7-replayed-code");

        // Ten wrong passwords lock the sign-in: then even the right one is refused, in the same words.
        browser.manage().deleteAllCookies();
        for (int i = 0; i < 10; i++) {
            browser.get(base);
            signIn("Wr0ng-Horse!");
        }
        String refusal = alert();
        browser.get(base);
        signIn(NEW_PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("/nsa/examplecorp/sign-in"), browser.getCurrentUrl());
        assertEquals(refusal, alert());
        assertFalse(browser.getCurrentUrl().endsWith("/code"));
        shot("8-locked-out");
    }

    private void signIn(String password) {
        field("loginId").sendKeys("alice");
        field("password").sendKeys(password);
        submit();
    }

    private WebElement field(String id) {
        return browser.findElement(By.id(id));
    }

    /** Submits the page's main form and waits for the answer's page to replace this one. */
    private void submit() {
        click(browser.findElement(By.cssSelector("main form.card button[type=submit]")));
    }

    /** Clicks and waits until another document has loaded (the old one's window carries a mark the new one lacks). */
    private void click(WebElement button) {
        browser.executeScript("window.gatekeyOldPage = true");
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class).until(driver -> Boolean.TRUE.equals(
                browser.executeScript("return window.gatekeyOldPage === undefined && document.readyState === 'complete'")));
    }

    private String alert() {
        return browser.findElement(By.cssSelector("[role=alert]")).getText();
    }

    private String code(int offset) {
        return Totp.code(seed, TotpParameters.DEFAULT, Totp.stepAt(server.clock.instant(), 30) + offset);
    }

    private void shot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(SHOTS.resolve(name + ".html"), browser.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
