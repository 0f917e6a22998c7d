package io.shardline.connector.sink.opensearch;

import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchAsyncClient;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * How to reach an OpenSearch cluster: its node URLs ({@code http} or {@code https}), optional basic
 * authentication, and for TLS either a trust store (JKS or PKCS12) or, for test clusters only, trust
 * in any certificate. Shipped to every task manager, which builds its own clients.
 */
@PublicEvolving
public record OpenSearchConnection(
        List<String> hosts,
        String username,
        String password,
        String trustStorePath,
        String trustStorePassword,
        boolean trustAllCertificates)
        implements Serializable {

    public OpenSearchConnection {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("At least one OpenSearch URL is needed, such as http://127.0.0.1:9200");
        }
        hosts.forEach(OpenSearchConnection::checkUrl);
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("Basic authentication needs both a user name and a password");
        }
        if (trustStorePath != null && trustAllCertificates) {
            throw new IllegalArgumentException(
                    "Choose a trust store (" + trustStorePath + ") or trusting every certificate, not both");
        }
    }

    /** Plain connection to these node URLs, without authentication. */
    public static OpenSearchConnection to(String... urls) {
        return new OpenSearchConnection(List.of(urls), null, null, null, null, false);
    }

    public OpenSearchConnection withBasicAuth(String user, String secret) {
        return new OpenSearchConnection(hosts, user, secret, trustStorePath, trustStorePassword, trustAllCertificates);
    }

    public OpenSearchConnection withTrustStore(String path, String storePassword) {
        return new OpenSearchConnection(hosts, username, password, path, storePassword, false);
    }

    /** Trusts every server certificate and host name: for test clusters with self-signed certificates only. */
    public OpenSearchConnection trustingAllCertificates() {
        return new OpenSearchConnection(hosts, username, password, null, null, true);
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("OpenSearch URL '" + url + "' is not a URI: " + e.getMessage(), e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null
                || uri.getPort() < 0) {
            throw new IllegalArgumentException("OpenSearch URL '" + url + "' must be http or https with a host and a "
                    + "port, such as http://127.0.0.1:9200");
        }
    }

    public OpenSearchAsyncClient createAsyncClient() {
        return new OpenSearchAsyncClient(transport());
    }

    public OpenSearchClient createClient() {
        return new OpenSearchClient(transport());
    }

    /**
     * opensearch-java finds its {@code jakarta.json} provider once per class loader, on first use,
     * through the context class loader of whichever thread gets there first: when that is a thread of
     * a Flink task whose class loader was closed since (a task before a failover, in a cluster or a
     * {@code java -jar} run whose classes are on the application class path), the lookup fails, and
     * with it every later bulk answer that carries an error, for the rest of the JVM. It is looked up
     * here, when the first client is made, through the loader that loaded the client.
     */
    private static final class JsonProviderOfTheClient {
        static {
            Thread thread = Thread.currentThread();
            ClassLoader context = thread.getContextClassLoader();
            thread.setContextClassLoader(OpenSearchClient.class.getClassLoader());
            try {
                JacksonJsonpMapper mapper = new JacksonJsonpMapper();
                try (JsonParser parser = mapper.jsonProvider().createParser(new StringReader("{\"loaded\":true}"))) {
                    JsonData.from(parser, mapper);
                }
            } finally {
                thread.setContextClassLoader(context);
            }
        }

        private JsonProviderOfTheClient() {}

        static void load() {}
    }

    private OpenSearchTransport transport() {
        JsonProviderOfTheClient.load();
        HttpHost[] nodes = hosts.stream().map(OpenSearchConnection::host).toArray(HttpHost[]::new);
        SSLContext tls = tlsContext();
        return ApacheHttpClient5TransportBuilder.builder(nodes)
                .setMapper(new JacksonJsonpMapper())
                .setHttpClientConfigCallback(client -> {
                    if (username != null) {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        for (HttpHost node : nodes) {
                            credentials.setCredentials(
                                    new AuthScope(node),
                                    new UsernamePasswordCredentials(username, password.toCharArray()));
                        }
                        client.setDefaultCredentialsProvider(credentials);
                    }
                    ClientTlsStrategyBuilder strategy = ClientTlsStrategyBuilder.create();
                    if (tls != null) {
                        strategy.setSslContext(tls);
                    }
                    if (trustAllCertificates) {
                        strategy.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
                    }
                    return client.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                            .setTlsStrategy(strategy.buildAsync())
                            .setMaxConnPerRoute(64)
                            .setMaxConnTotal(64)
                            .build());
                })
                .build();
    }

    private static HttpHost host(String url) {
        try {
            return HttpHost.create(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("OpenSearch URL '" + url + "': " + e.getMessage(), e);
        }
    }

    private SSLContext tlsContext() {
        try {
            if (trustAllCertificates) {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustingEveryCertificate()}, null);
                return context;
            }
            if (trustStorePath == null) {
                return null;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            try (InputStream in = Files.newInputStream(Path.of(trustStorePath))) {
                store.load(in, trustStorePassword == null ? null : trustStorePassword.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot set up TLS for OpenSearch with trust store " + trustStorePath + ": " + e.getMessage(), e);
        }
    }

    /** Accepts any certificate chain; only for {@link #trustingAllCertificates()}. */
    private static final class TrustingEveryCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
