package io.echotune.server.faults;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * A MongoDB-wire-protocol server (mongo-java-server on an H2 file) that the server under test reaches over TCP
 * through {@code MONGODB_URI}, and that a test can stop and start again on the same port with the same data, as a
 * database outage and recovery look to its clients.
 */
public final class StoppableMongo implements AutoCloseable {

    private final Path file;
    private final int port;
    private MVStore store;
    private MongoServer server;

    public StoppableMongo(Path file) throws IOException {
        this.file = file;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        start();
    }

    /** The URI the server under test gets; the driver waits at most 2 s for it while it is down. */
    public String uri() {
        return "mongodb://127.0.0.1:" + port + "/echotune";
    }

    public synchronized void start() {
        store = new MVStore.Builder().fileName(file.toString()).open();
        server = new MongoServer(new H2Backend(store));
        server.bind("127.0.0.1", port);
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow(); // drops open connections, as a crash would
            store.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
