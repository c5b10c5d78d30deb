package cz.mluv.api.management;

import cz.mluv.migrations.settings.MluvSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one account that may see the health endpoint's details: HTTP Basic against
 * {@code MLUV_MANAGEMENT_USER} (default {@code management}) and {@code MLUV_MANAGEMENT_PASSWORD}
 * (no default: without a password nobody authenticates and nobody sees details). Anonymous
 * callers get {@code UP}/{@code DOWN} only (HTTP 503 when DOWN).
 *
 * <p>micronaut-security does the work, but its filter runs on {@code /health/**} only
 * ({@code micronaut.security.filter.pattern} in application.yml): the API's reads never pass
 * through it, so the throughput-sensitive paths pay nothing for it.
 */
@Singleton
public class ManagementCredential<B> implements HttpRequestAuthenticationProvider<B> {

    /** Role of the management account. */
    public static final String ROLE = "management";

    private final String user;
    private final byte[] password;

    /**
     * @param user     the management user name
     * @param password its password; blank = no management account
     */
    public ManagementCredential(@Value("${mluv.management.user:" + MluvSettings.MANAGEMENT_USER_DEFAULT + "}") String user,
                                @Value("${mluv.management.password:}") String password) {
        this.user = user;
        this.password = password == null || password.isBlank() ? null : password.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param request the HTTP request
     * @param auth    the Basic credentials given
     * @return success for the configured user and password (compared in constant time), else failure
     */
    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        if (password == null) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CUSTOM);
        }
        boolean userMatches = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                String.valueOf(auth.getIdentity()).getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(password,
                String.valueOf(auth.getSecret()).getBytes(StandardCharsets.UTF_8));
        return userMatches && passwordMatches
                ? AuthenticationResponse.success(user, java.util.List.of(ROLE))
                : AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
