package io.shardline.engine.server;

import io.shardline.engine.Engine;
import io.shardline.engine.control.ControlOperations;
import io.shardline.engine.control.ControllableClock;
import io.shardline.engine.control.FaultInjector;
import io.shardline.engine.control.ThroughputLimits;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.HttpContinueAcceptingHandler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.xnio.Options;

/**
 * The DynamoDB and DynamoDB Streams wire protocol over HTTP/1.1 (keep-alive), served by Undertow in
 * front of an embedded {@link Engine}. The engine stays owned by the caller.
 */
public final class ShardlineServer implements AutoCloseable {
    private final Undertow undertow;
    private final InetSocketAddress address;

    private ShardlineServer(Undertow undertow) {
        this.undertow = undertow;
        this.address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    }

    /** Starts serving {@code engine}; returns once the port is bound. */
    public static ShardlineServer start(Engine engine, ServerConfig config, Clock clock) {
        AtomicReference<String> boundAddress = new AtomicReference<>();
        FaultInjector faults = config.rehearsal() ? new FaultInjector() : null;
        ThroughputLimits limits =
                config.rehearsal() ? new ThroughputLimits(engine::shardOf, System::currentTimeMillis) : null;
        ControllableClock engineClock = engine.clock() instanceof ControllableClock c ? c : null;
        DynamoHttpHandler handler = new DynamoHttpHandler(
                new Operations(engine, boundAddress::get, new ControlOperations(engine, faults, limits, engineClock)),
                faults,
                limits,
                new RequestAuthenticator(config.credentials(), engine.region(), clock),
                config.adminKeys(),
                config.maxBodyBytes(),
                config.requestTimeoutMillis(),
                new ResponseDate(clock));
        Undertow undertow = Undertow.builder()
                .addHttpListener(config.port(), config.host())
                .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerThreads(config.workerThreads())
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, config.maxHeaderBytes())
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, config.idleTimeoutMillis())
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, config.idleTimeoutMillis())
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, config.requestTimeoutMillis())
                // the handler enforces the body limit itself, answering with a DynamoDB-shaped error
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, Long.MAX_VALUE)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                .setSocketOption(Options.TCP_NODELAY, true)
                .setHandler(new HttpContinueAcceptingHandler(handler))
                .build();
        undertow.start();
        ShardlineServer server = new ShardlineServer(undertow);
        boundAddress.set(
                server.address().getHostString() + ":" + server.address().getPort());
        return server;
    }

    /** The address the server listens on (with the actual port when 0 was asked for). */
    public InetSocketAddress address() {
        return address;
    }

    /** The endpoint URL clients use, for example {@code http://127.0.0.1:8000}. */
    public String endpoint() {
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
