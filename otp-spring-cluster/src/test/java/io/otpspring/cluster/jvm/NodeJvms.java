package io.otpspring.cluster.jvm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.otpspring.cluster.LoopbackCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The node JVMs a test class starts, each ended after its test (passed or failed), and any left
 * after the class: {@code @RegisterExtension static final NodeJvms jvms = new NodeJvms();}.
 */
public final class NodeJvms implements AfterEachCallback, AfterAllCallback, AutoCloseable {

    private final List<NodeJvm> started = new CopyOnWriteArrayList<>();

    /** Starts node {@code nodeName} in a JVM of its own, a member of {@code cluster}; see {@link NodeJvm#start}. */
    public NodeJvm start(LoopbackCluster cluster, String nodeName) {
        NodeJvm jvm = NodeJvm.start(cluster, nodeName);
        started.add(jvm);
        return jvm;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Ends every JVM still running. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (NodeJvm jvm : started) {
            try {
                jvm.close();
            }
            catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
