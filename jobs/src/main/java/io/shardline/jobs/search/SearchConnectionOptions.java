package io.shardline.jobs.search;

import io.shardline.connector.sink.opensearch.OpenSearchConnection;
import java.util.List;
import picocli.CommandLine.Option;

/** How the jobs that read or write an OpenSearch index reach it, as command-line options. */
public final class SearchConnectionOptions {
    @Option(
            names = "--opensearch",
            required = true,
            split = ",",
            description = "OpenSearch node URL(s), " + "such as http://127.0.0.1:9200")
    public List<String> urls;

    @Option(names = "--opensearch-user", description = "User name for basic authentication")
    public String user;

    @Option(names = "--opensearch-password", description = "Password for basic authentication")
    public String password;

    @Option(names = "--opensearch-trust-store", description = "Trust store (JKS or PKCS12) for https")
    public String trustStore;

    @Option(names = "--opensearch-trust-store-password", description = "The trust store's password")
    public String trustStorePassword;

    @Option(names = "--opensearch-insecure", description = "Trust any certificate (test clusters only)")
    public boolean insecure;

    public OpenSearchConnection connection() {
        OpenSearchConnection connection = new OpenSearchConnection(urls, user, password, null, null, false);
        if (trustStore != null) {
            connection = connection.withTrustStore(trustStore, trustStorePassword);
        }
        return insecure ? connection.trustingAllCertificates() : connection;
    }
}
