package io.otpspring.cluster.registry;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.otpspring.cluster.transport.Members;

/** Whether a node is a member, as the member running an entry processor sees the cluster. */
final class MemberNames {

    private MemberNames() {
    }

    static boolean isMember(HazelcastInstance hazelcast, String node) {
        for (Member member : hazelcast.getCluster().getMembers()) {
            if (node.equals(Members.nameOf(member))) {
                return true;
            }
        }
        return false;
    }
}
