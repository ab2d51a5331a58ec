package dk.beskplan.platform.security.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Talking to a municipality's OpenID Connect provider: its discovery document, the token request of the
 * authorization code flow, and the checks of the ID token (signature against the provider's published keys; issuer,
 * audience, expiry and nonce). Providers are read from the database at run time, so discovery documents and key
 * sets are cached here per issuer rather than configured at start-up.
 */
@Singleton
public class OpenIdProviders {
    private static final Duration DISCOVERY_TTL = Duration.ofMinutes(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What Beskplan needs from a provider's discovery document. */
    public record Provider(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri, Instant fetchedAt) {
    }

    /** The provider could not be reached or answered something unusable. */
    public static class ProviderUnavailable extends RuntimeException {
        ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider answered, but its answer must not be trusted (bad signature, wrong audience or nonce, expired...). */
    public static class UntrustedAnswer extends RuntimeException {
        UntrustedAnswer(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json;
    private final Map<String, Provider> discovered = new ConcurrentHashMap<>();
    private final Map<String, JWKSource<SecurityContext>> keySets = new ConcurrentHashMap<>();

    public OpenIdProviders(JsonMapper json) {
        this.json = json;
    }

    /** The provider's endpoints from {@code <issuer>/.well-known/openid-configuration}, whose issuer must match. */
    public Provider discover(String issuer) {
        Provider cached = discovered.get(issuer);
        if (cached != null && cached.fetchedAt().plus(DISCOVERY_TTL).isAfter(Instant.now())) {
            return cached;
        }
        String url = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        Map<String, Object> document = getJson(url);
        if (!issuer.equals(document.get("issuer"))) {
            throw new ProviderUnavailable("discovery document of " + issuer + " names issuer " + document.get("issuer"), null);
        }
        Provider provider = new Provider(issuer, text(document, "authorization_endpoint"), text(document, "token_endpoint"),
                text(document, "jwks_uri"), Instant.now());
        discovered.put(issuer, provider);
        return provider;
    }

    /**
     * Exchanges the authorization code (with the PKCE verifier and the client's credentials) for tokens and returns
     * the checked claims of the ID token.
     */
    public JWTClaimsSet redeem(Provider provider, String clientId, String clientSecret, String code, String codeVerifier,
                               String redirectUri, String expectedNonce) {
        String form = form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", codeVerifier, "client_id", clientId));
        String basic = Base64.getEncoder().encodeToString((urlEncode(clientId) + ":" + urlEncode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(provider.tokenEndpoint())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            // The code was refused: used before, made for another login (PKCE), or the client credentials are wrong.
            throw new UntrustedAnswer("token endpoint answered " + response.statusCode() + ": " + abbreviate(response.body()), null);
        }
        Map<String, Object> tokens = parse(response.body());
        Object idToken = tokens.get("id_token");
        if (!(idToken instanceof String token)) {
            throw new UntrustedAnswer("token response without id_token", null);
        }
        return verify(provider, clientId, token, expectedNonce);
    }

    /** Signature by one of the provider's keys; issuer, audience, nonce exact; expiry and issue time present and valid. */
    JWTClaimsSet verify(Provider provider, String clientId, String idToken, String expectedNonce) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        Set<JWSAlgorithm> algorithms = new HashSet<>(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys(provider.jwksUri())));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(provider.issuer()).claim("nonce", expectedNonce).build(),
                Set.of("sub", "exp", "iat")));
        try {
            return processor.process(idToken, null);
        } catch (Exception e) {
            throw new UntrustedAnswer("ID token refused: " + e.getMessage(), e);
        }
    }

    private JWKSource<SecurityContext> keys(String jwksUri) {
        return keySets.computeIfAbsent(jwksUri, uri -> {
            try {
                // Cached, and fetched again when a token names a key not seen yet (the provider rotated its keys).
                return JWKSourceBuilder.create(new URL(uri)).retrying(true).build();
            } catch (IOException e) {
                throw new ProviderUnavailable("bad jwks_uri " + uri, e);
            }
        });
    }

    private Map<String, Object> getJson(String url) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        } catch (IllegalArgumentException e) {
            throw new ProviderUnavailable("bad URL " + url, e);
        }
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new ProviderUnavailable(url + " answered " + response.statusCode(), null);
        }
        return parse(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailable(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable(request.uri() + ": interrupted", e);
        }
    }

    private Map<String, Object> parse(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            throw new ProviderUnavailable("not JSON: " + abbreviate(body), e);
        }
    }

    private static String text(Map<String, Object> document, String name) {
        if (document.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new ProviderUnavailable("discovery document lacks " + name, null);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue())).collect(Collectors.joining("&"));
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
