package io.shardline.connector.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTP proxy in front of a plain OpenSearch node, for tests. {@link #secure} makes it what stands
 * in front of a secured cluster: HTTPS with a self-signed certificate (made by the JDK's keytool,
 * with a trust store holding it) and basic authentication of one user. On demand it answers the
 * next bulk requests with {@code 503 Service Unavailable} or closes their connections without an
 * answer, and it tells a {@link BulkListener} about every bulk request OpenSearch answered.
 */
public final class OpenSearchFrontProxy implements AutoCloseable {
    /** Told about each bulk request OpenSearch answered with 200: the request and answer bodies and their times. */
    @FunctionalInterface
    public interface BulkListener {
        void answered(byte[] request, byte[] answer, long sentNanos, long answeredNanos) throws IOException;
    }

    public static final String PASSWORD = "changeit";
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "content-length",
            "host",
            "transfer-encoding",
            "upgrade",
            "expect",
            "keep-alive",
            "accept-encoding",
            "authorization");
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String target;
    private final String expectedAuthorization;
    private final Path trustStore;
    private volatile BulkListener listener = (request, answer, sent, answered) -> {};
    private final List<String> listenerFailures = new CopyOnWriteArrayList<>();
    private final AtomicInteger bulkFailuresLeft = new AtomicInteger();
    private final AtomicInteger bulkDropsLeft = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();

    private OpenSearchFrontProxy(String target, String expectedAuthorization, Path trustStore, HttpServer server) {
        this.target = target;
        this.expectedAuthorization = expectedAuthorization;
        this.trustStore = trustStore;
        this.server = server;
        server.setExecutor(Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "opensearch-front-proxy");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Plain HTTP, no authentication, in front of {@code target}. */
    public static OpenSearchFrontProxy plain(String target) throws IOException {
        return new OpenSearchFrontProxy(
                target, null, null, HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    /** HTTPS and basic authentication of {@code user} in front of {@code target}; key and trust stores go to {@code directory}. */
    public static OpenSearchFrontProxy secure(String target, String user, String password, Path directory)
            throws IOException {
        Path keyStore = directory.resolve("server.p12");
        Path certificate = directory.resolve("server.crt");
        Path trustStore = directory.resolve("trust.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-alias",
                "server",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                certificate.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "server",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                PASSWORD);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls(keyStore)));
        String authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new OpenSearchFrontProxy(target, authorization, trustStore, server);
    }

    /** Where bulk requests OpenSearch answered are reported; a listener's failures are kept, see {@link #listenerFailures}. */
    public void onBulk(BulkListener bulkListener) {
        this.listener = bulkListener;
    }

    /** What the listener threw, one line per failure. */
    public List<String> listenerFailures() {
        return listenerFailures;
    }

    public String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort();
    }

    /** A trust store (PKCS12, password {@link #PASSWORD}) holding the proxy's certificate. */
    public Path trustStore() {
        return trustStore;
    }

    /** Answers the next {@code count} bulk requests with 503. */
    public void failNextBulkRequests(int count) {
        bulkFailuresLeft.set(count);
    }

    /** Closes the connection of each of the next {@code count} bulk requests without an answer. */
    public void dropNextBulkConnections(int count) {
        bulkDropsLeft.set(count);
    }

    /** Requests refused for wrong or missing credentials. */
    public int unauthorizedRequests() {
        return unauthorized.get();
    }

    private static SSLContext tls(Path keyStore) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot load the proxy's key store", e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        String[] command = new String[arguments.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running keytool", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long sent = System.nanoTime();
            if (expectedAuthorization != null
                    && !expectedAuthorization.equals(
                            exchange.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized.incrementAndGet();
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"opensearch\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            boolean bulk = exchange.getRequestURI().getPath().endsWith("/_bulk");
            if (bulk && bulkDropsLeft.getAndDecrement() > 0) {
                throw new IOException("dropping the connection of a bulk request, as asked");
            }
            if (bulk && bulkFailuresLeft.getAndDecrement() > 0) {
                byte[] refusal = "{\"error\":{\"type\":\"unavailable\",\"reason\":\"injected\"},\"status\":503}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(503, refusal.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(refusal);
                }
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (bulk && response.statusCode() == 200) {
                try {
                    listener.answered(body, response.body(), sent, System.nanoTime());
                } catch (IOException | RuntimeException e) {
                    listenerFailures.add(e.toString());
                }
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted forwarding to " + target, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
