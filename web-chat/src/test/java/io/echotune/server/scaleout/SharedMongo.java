package io.echotune.server.scaleout;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * One MongoDB-wire-protocol server (mongo-java-server, H2 file backend) that several EchoTune instances reach over
 * TCP as they would reach a real MongoDB: each gets only {@code MONGODB_URI}. Also runnable on its own
 * ({@code main}) to try two servers by hand.
 */
final class SharedMongo implements AutoCloseable {

    private final MongoServer server;
    private final MVStore store;

    SharedMongo(Path file, int port) {
        store = new MVStore.Builder().fileName(file.toString()).open();
        server = new MongoServer(new H2Backend(store));
        server.bind("127.0.0.1", port);
    }

    String uri() {
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort() + "/echotune";
    }

    @Override
    public void close() {
        server.shutdown();
        store.close();
    }

    /** {@code SharedMongo <file> <port>}: serves until stopped; point instances at the printed MONGODB_URI. */
    public static void main(String[] args) throws InterruptedException {
        SharedMongo mongo = new SharedMongo(Path.of(args.length > 0 ? args[0] : "shared-mongo.mv.db"),
                args.length > 1 ? Integer.parseInt(args[1]) : 27017);
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
        System.out.println("MONGODB_URI=" + mongo.uri());
        Thread.currentThread().join();
    }
}
