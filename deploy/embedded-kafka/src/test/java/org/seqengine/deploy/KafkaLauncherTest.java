package org.seqengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaLauncherTest {

    @TempDir
    Path dataDir;

    @Test
    void startsABrokerClientsCanUseAndKeepsItsDataAcrossRestarts() throws Exception {
        int port = freePortPair();

        try (KafkaLauncher launcher = KafkaLauncher.start(port, dataDir)) {
            assertThat(launcher.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            try (Admin admin = admin(launcher)) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
                admin.createTopics(List.of(new NewTopic("kept.v1", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(dataDir.resolve("server.properties")).exists();
        assertThat(dataDir.resolve("logs").resolve("meta.properties")).exists();

        // a restart on the same directory keeps the topic (the storage is not formatted again)
        try (KafkaLauncher launcher = KafkaLauncher.start(port, dataDir);
             Admin admin = admin(launcher)) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(names).contains("kept.v1");
        }
    }

    private static Admin admin(KafkaLauncher launcher) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, launcher.bootstrapServers());
        return Admin.create(props);
    }

    /** A port p such that p and p+1 (the controller listener) are both free right now. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            if (port < 65535 && isFree(port) && isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two adjacent free ports found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
