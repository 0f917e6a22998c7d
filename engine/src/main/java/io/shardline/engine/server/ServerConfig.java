package io.shardline.engine.server;

import java.util.Map;
import java.util.Set;

/**
 * How the wire server listens.
 *
 * @param host                 address to bind (default 127.0.0.1: loopback only)
 * @param port                 port to bind; 0 picks a free one
 * @param credentials          null to accept any well-formed SigV4 signature; otherwise the accepted access
 *                             keys and their secrets, and signatures are verified
 * @param workerThreads        requests served at once
 * @param maxBodyBytes         largest request body accepted
 * @param maxHeaderBytes       largest request header accepted
 * @param idleTimeoutMillis    a keep-alive connection idle this long is closed
 * @param requestTimeoutMillis a request whose headers or body have not fully arrived this long after
 *                             they started is answered with an error and its connection closed, so
 *                             that clients trickling bytes cannot hold connections for ever
 * @param adminKeys            with credentials (strict mode), the access keys whose signed calls the
 *                             control API answers from any address; without, it answers loopback only
 * @param rehearsal            whether the control API may emulate Amazon's limits and inject faults;
 *                             without, no request passes through either and the control API refuses them
 */
public record ServerConfig(
        String host,
        int port,
        Map<String, String> credentials,
        int workerThreads,
        int maxBodyBytes,
        int maxHeaderBytes,
        int idleTimeoutMillis,
        int requestTimeoutMillis,
        Set<String> adminKeys,
        boolean rehearsal) {
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024 + 64 * 1024;
    public static final int DEFAULT_REQUEST_TIMEOUT_MILLIS = 30_000;

    public static ServerConfig loopback(int port) {
        return new ServerConfig(
                "127.0.0.1",
                port,
                null,
                Math.max(16, Runtime.getRuntime().availableProcessors() * 8),
                DEFAULT_MAX_BODY_BYTES,
                64 * 1024,
                60_000,
                DEFAULT_REQUEST_TIMEOUT_MILLIS,
                Set.of(),
                false);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(
                newHost,
                port,
                credentials,
                workerThreads,
                maxBodyBytes,
                maxHeaderBytes,
                idleTimeoutMillis,
                requestTimeoutMillis,
                adminKeys,
                rehearsal);
    }

    public ServerConfig withCredentials(Map<String, String> newCredentials) {
        return new ServerConfig(
                host,
                port,
                newCredentials,
                workerThreads,
                maxBodyBytes,
                maxHeaderBytes,
                idleTimeoutMillis,
                requestTimeoutMillis,
                adminKeys,
                rehearsal);
    }

    public ServerConfig withMaxBodyBytes(int bytes) {
        return new ServerConfig(
                host,
                port,
                credentials,
                workerThreads,
                bytes,
                maxHeaderBytes,
                idleTimeoutMillis,
                requestTimeoutMillis,
                adminKeys,
                rehearsal);
    }

    public ServerConfig withIdleTimeoutMillis(int millis) {
        return new ServerConfig(
                host,
                port,
                credentials,
                workerThreads,
                maxBodyBytes,
                maxHeaderBytes,
                millis,
                requestTimeoutMillis,
                adminKeys,
                rehearsal);
    }

    public ServerConfig withRequestTimeoutMillis(int millis) {
        return new ServerConfig(
                host,
                port,
                credentials,
                workerThreads,
                maxBodyBytes,
                maxHeaderBytes,
                idleTimeoutMillis,
                millis,
                adminKeys,
                rehearsal);
    }

    public ServerConfig withAdminKeys(Set<String> keys) {
        return new ServerConfig(
                host,
                port,
                credentials,
                workerThreads,
                maxBodyBytes,
                maxHeaderBytes,
                idleTimeoutMillis,
                requestTimeoutMillis,
                Set.copyOf(keys),
                rehearsal);
    }

    /** With the control API's emulated limits and injected faults, which production servers leave out. */
    public ServerConfig withRehearsal(boolean enabled) {
        return new ServerConfig(
                host,
                port,
                credentials,
                workerThreads,
                maxBodyBytes,
                maxHeaderBytes,
                idleTimeoutMillis,
                requestTimeoutMillis,
                adminKeys,
                enabled);
    }
}
