package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** checkCredentials() asks the provider's cheapest harmless call; an authentication error names the keys to check, never their values. */
class CredentialCheckTest {
    final String name = UUID.randomUUID().toString();
    final ScriptedVendor vendor = ScriptedProvider.register(name);
    final SessionService service = ScriptedProvider.builder(name).retryPolicy(SessionServiceTest.FAST).build();

    static AuthenticationException refused() {
        return new AuthenticationException(new VendorError("scripted", 401, "124", "Invalid access token.", null, null));
    }

    @Test
    void acceptedCredentialsPassAndNothingElseIsCalled() {
        service.checkCredentials();
        service.checkCredentialsAsync().join();
        assertThat(vendor.credentialChecks()).isEqualTo(2);
        assertThat(vendor.allAttempts()).isEqualTo(2);
    }

    @Test
    void refusedCredentialsNameTheKeysToCheckButNotTheirValues() {
        vendor.failChecks(refused());
        assertThatThrownBy(service::checkCredentials).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.credentialKeys()).containsExactly("convene.scripted.name", "convene.scripted.secret");
            assertThat(e.vendorCode()).isEqualTo("124");
            assertThat(e.getCause()).isInstanceOf(AuthenticationException.class);
        }).hasMessage("scripted refused (HTTP 401): code 124 Invalid access token. (check convene.scripted.name and convene.scripted.secret)")
                .message().doesNotContain("s3cr3t-value");
        assertThat(vendor.credentialChecks()).as("a refusal is not retried").isEqualTo(1);
    }

    @Test
    void everyOperationsAuthenticationErrorNamesTheKeys() {
        vendor.fail(Operation.GET, refused());
        assertThatThrownBy(() -> service.getAsync(SessionId.of("scripted", SessionKind.MEETING, "7")).join())
                .hasCauseInstanceOf(AuthenticationException.class)
                .hasMessageContaining("(check convene.scripted.name and convene.scripted.secret)");
    }

    @Test
    void aCheckIsARead() {
        vendor.failChecks(new IOException("reset"));
        service.checkCredentials();
        assertThat(vendor.credentialChecks()).as("retried like a read").isEqualTo(2);
    }

    @Test
    void aPluginWithoutACheckSaysSo() {
        vendor.withoutCredentialCheck();
        assertThatThrownBy(service::checkCredentials).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                e -> assertThat(e.feature()).isEqualTo("checking credentials"));
        assertThatThrownBy(() -> service.checkCredentialsAsync().join()).hasCauseInstanceOf(UnsupportedFeatureException.class);
    }
}
