package io.shardline.jobs.replication;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A TCP relay on a loopback port of its own in front of a server that may go away and come back
 * elsewhere: clients keep one endpoint while the server behind it is killed and restarted. While
 * the server is down, connections are accepted and closed at once.
 */
final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile InetSocketAddress server;

    TcpRelay(String endpoint) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        forwardTo(endpoint);
        threads.submit(this::accept);
    }

    /** Relays new connections to the server at {@code endpoint}. */
    void forwardTo(String endpoint) {
        URI uri = URI.create(endpoint);
        server = new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    String endpoint() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.submit(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client;
                Socket upstream = new Socket()) {
            upstream.connect(server, 2_000);
            Future<?> back = threads.submit(() -> {
                upstream.getInputStream().transferTo(client.getOutputStream());
                client.shutdownOutput();
                return null;
            });
            client.getInputStream().transferTo(upstream.getOutputStream());
            upstream.shutdownOutput();
            back.get();
        } catch (Exception serverGoneOrClientLeft) {
            // Both sockets are closed on the way out: the client sees its connection end, as with a dead server.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}
