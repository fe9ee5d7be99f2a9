package io.otpspring.core.registry;

import io.otpspring.core.process.ExitReason;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import io.otpspring.core.process.Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each registry is a namespace of its own: the default one, one per tenant, one per test. */
class NamespaceTest {

    private Node node;

    @BeforeEach
    void startNode() {
        node = Node.start("registry-namespace-test");
    }

    @AfterEach
    void closeNode() {
        node.close();
    }

    @Test
    void theSameKeyInTwoTenantsNeverCollides() {
        Registry<String, String> acme = Registry.unique(node, "tenant-acme");
        Registry<String, String> globex = Registry.unique(node, "tenant-globex");
        Probe acmeAlice = Probe.recording();
        Probe globexAlice = Probe.recording();

        assertThat(acme.register("alice", acmeAlice.spawn(node), "acme").isOk()).isTrue();
        assertThat(globex.register("alice", globexAlice.spawn(node), "globex").isOk()).isTrue();

        assertThat(acme.whereis("alice")).isEqualTo(acmeAlice.pid());
        assertThat(globex.whereis("alice")).isEqualTo(globexAlice.pid());
        acme.via("alice").send("for acme");
        globex.via("alice").send("for globex");
        assertThat(acmeAlice.next()).isEqualTo("for acme");
        assertThat(globexAlice.next()).isEqualTo("for globex");

        acme.unregister("alice", acmeAlice.pid());
        assertThat(acme.whereis("alice")).isNull();
        assertThat(globex.lookup("alice")).containsExactly(new Entry<>("alice", globexAlice.pid(), "globex"));
        assertThat(globex.keys(acmeAlice.pid())).isEmpty();
        assertThat(acme.count() + globex.count()).isEqualTo(1);
    }

    @Test
    void aProcessInSeveralNamespacesLeavesThemAllWhenItExits() {
        Registry<String, String> application = Registry.unique(node, Registry.DEFAULT_NAMESPACE);
        Registry<String, String> topics = Registry.duplicate(node, "topics");
        Pid pid = Probe.recording().spawn(node);
        application.register("cache", pid, null);
        topics.register("invalidations", pid, null);

        node.exit(pid, ExitReason.KILL);

        assertThat(application.storedEntries() + topics.storedEntries()).isZero();
        assertThat(application.trackedProcesses() + topics.trackedProcesses()).isZero();
    }

    @Test
    void aRegistryTellsItsNamespaceAndSpec() {
        RegistrySpec spec = RegistrySpec.duplicate("test-" + getClass().getSimpleName()).withPartitions(3);
        Registry<String, String> mine = Registry.create(node, spec);

        assertThat(mine.namespace()).isEqualTo("test-NamespaceTest");
        assertThat(mine.spec()).isEqualTo(new RegistrySpec("test-NamespaceTest", Keys.DUPLICATE, 3));
        assertThat(mine.node()).isSameAs(node);
        assertThat(mine).hasToString("registry 'test-NamespaceTest' on node registry-namespace-test");
        assertThat(Registry.DEFAULT_NAMESPACE).isEqualTo("default");
        assertThat(RegistrySpec.unique("users").partitions()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
