package org.seqengine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free local ports (the harness never uses 8080/9092, which other runs may hold). */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port p such that p and p+1 (Kafka's controller listener) are both free now. */
    public static int freePair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = free();
            if (port < 65535 && isFree(port) && isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two adjacent free ports found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
