package dk.beskplan.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request came from, for login throttling and the log: the socket's peer address. An
 * {@code X-Forwarded-For} header is believed only when the peer is one of the proxies named in
 * {@code beskplan.security.trusted-proxies}; then the client is the right-most address in the header that is not
 * itself a trusted proxy (anything to its left was written by the client and proves nothing).
 */
@Singleton
public class ClientAddress {
    private final Set<String> trustedProxies;

    public ClientAddress(@Value("${beskplan.security.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getAll("X-Forwarded-For").stream()
                .flatMap(h -> java.util.Arrays.stream(h.split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i);
            if (!trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }
}
