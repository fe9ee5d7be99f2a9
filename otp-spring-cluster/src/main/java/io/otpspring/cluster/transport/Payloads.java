package io.otpspring.cluster.transport;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import io.otpspring.core.process.Node;
import io.otpspring.core.process.Pid;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the objects users send cross the network: through Hazelcast's serialization (records and
 * other types zero-config Compact handles, {@code Serializable}, registered serializers), or as
 * JSON for the classes Hazelcast refused once (a record with a {@code UUID}, {@code Instant} or
 * {@code Pid} field, say). JSON restores the top-level class and whatever types it declares; a
 * bare collection or map Hazelcast refused is not guessed at: it is refused with
 * {@link NotSerializableException}.
 */
final class Payloads {

    private static final byte HAZELCAST = 0;
    private static final byte JSON = 1;

    private final JsonMapper json;
    private final ClassLoader classLoader;
    private final Set<Class<?>> refusedByHazelcast = ConcurrentHashMap.newKeySet();

    Payloads(Node node, JsonMapper json, ClassLoader classLoader) {
        this.json = json.rebuild().addModule(pidsAsText(node)).build();
        this.classLoader = classLoader;
    }

    /** A pid in JSON is its text, {@code node.creation.id}, read back as {@code node} sees it. */
    private static SimpleModule pidsAsText(Node node) {
        return new SimpleModule("otp-pids")
                .addSerializer(Pid.class, new ValueSerializer<Pid>() {
                    @Override
                    public void serialize(Pid pid, JsonGenerator out, SerializationContext context) throws JacksonException {
                        out.writeString(pid.node() + "." + pid.creation() + "." + pid.id());
                    }
                })
                .addDeserializer(Pid.class, new ValueDeserializer<Pid>() {
                    @Override
                    public Pid deserialize(JsonParser in, DeserializationContext context) throws JacksonException {
                        String text = in.getValueAsString();
                        int idDot = text.lastIndexOf('.');
                        int creationDot = text.lastIndexOf('.', idDot - 1);
                        return node.pid(text.substring(0, creationDot), Integer.parseInt(text.substring(creationDot + 1, idDot)),
                                Long.parseLong(text.substring(idDot + 1)));
                    }
                });
    }

    /** Whether {@code payload}'s class went as JSON before: it will again, without a first try. */
    boolean goesAsJson(@Nullable Object payload) {
        return payload != null && refusedByHazelcast.contains(payload.getClass());
    }

    /**
     * {@code payload} as JSON, remembering that Hazelcast refused its class ({@code null} stays {@code null}).
     *
     * @throws NotSerializableException for a collection, a map or an array, or what JSON cannot write
     */
    @Nullable
    Object asJson(@Nullable Object payload) {
        if (payload == null || payload instanceof JsonPayload) {
            return payload;
        }
        if (payload instanceof Collection<?> || payload instanceof Map<?, ?> || payload.getClass().isArray()) {
            throw new NotSerializableException(payload.getClass() + " cannot go to another node: Hazelcast cannot "
                    + "serialize it or one of its elements, and JSON would lose their types. Send a record that "
                    + "declares them, or an ArrayList/HashMap of types Hazelcast serializes");
        }
        try {
            JsonPayload carried = new JsonPayload(payload.getClass().getName(), json.writeValueAsBytes(payload));
            refusedByHazelcast.add(payload.getClass());
            return carried;
        }
        catch (JacksonException refused) {
            throw new NotSerializableException(payload.getClass() + " cannot go to another node: neither Hazelcast "
                    + "nor JSON can serialize it (" + refused.getOriginalMessage() + ")");
        }
    }

    void write(ObjectDataOutput out, @Nullable Object payload) throws IOException {
        if (payload instanceof JsonPayload carried) {
            out.writeByte(JSON);
            out.writeString(carried.type());
            out.writeByteArray(carried.json());
        }
        else {
            out.writeByte(HAZELCAST);
            out.writeObject(payload);
        }
    }

    /**
     * Reads a payload; one this node cannot read (its class is missing here, or it does not read
     * back as one) comes as an {@link Undecodable}, so that its call can fail and its send be
     * counted instead of the whole signal being lost. A payload is the last field of its signal.
     */
    @Nullable
    Object read(ObjectDataInput in) throws IOException {
        if (in.readByte() == HAZELCAST) {
            try {
                return in.readObject();
            }
            catch (HazelcastSerializationException unreadable) {
                return new Undecodable(String.valueOf(unreadable.getMessage()));
            }
        }
        String type = in.readString();
        byte[] bytes = in.readByteArray();
        try {
            return json.readValue(bytes, Class.forName(type, true, classLoader));
        }
        catch (ClassNotFoundException ex) {
            return new Undecodable("a message of class " + type + " arrived, which this node does not have");
        }
        catch (JacksonException ex) {
            return new Undecodable("a message of class " + type + " arrived as JSON that does not read back as one: "
                    + ex.getOriginalMessage());
        }
    }

    /** A message from another node that this node could not read, and why. */
    record Undecodable(String reason) {
    }
}
