package org.seqengine.enrollment.streams;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.TaskRecord;

/**
 * The tasks of {@code tasks.v1} in one global store, with the list indexes beside them, so a task
 * list (by assignee, status, both or none) is a range scan of one prefix: O(page), never a scan of
 * an organization's tasks. Keys (values: the task's Avro bytes on the record key, empty on index keys):
 * <pre>
 *   org/&lt;task_id&gt;                                       the task
 *   org/~all/&lt;position&gt;                                  every task of the organization
 *   org/~status/&lt;status&gt;/&lt;position&gt;
 *   org/~assignee/&lt;assignee&gt;/&lt;position&gt;
 *   org/~assignee-status/&lt;assignee&gt;/&lt;status&gt;/&lt;position&gt;
 * </pre>
 * {@code position} = {@code <created_at millis, 16 digits>/<task_id>}: lists run oldest first and a
 * position is the page cursor. Assignee and status are URL-encoded, so no value reaches into another's
 * range. The updater removes the previous index entries of a task before writing the new ones; Kafka
 * Streams reprocesses a global store's records through it on restore, so the indexes are rebuilt too.
 */
public final class TaskIndex {

    public static final String STORE = "tasks";

    private static final String INDEX_MARK = "~";

    private TaskIndex() {}

    public static String all(String orgId) {
        return Keys.of(orgId, INDEX_MARK + "all/");
    }

    public static String byStatus(String orgId, String status) {
        return Keys.of(orgId, INDEX_MARK + "status/" + encode(status) + "/");
    }

    public static String byAssignee(String orgId, String assigneeId) {
        return Keys.of(orgId, INDEX_MARK + "assignee/" + encode(assigneeId) + "/");
    }

    public static String byAssigneeAndStatus(String orgId, String assigneeId, String status) {
        return Keys.of(orgId, INDEX_MARK + "assignee-status/" + encode(assigneeId) + "/" + encode(status) + "/");
    }

    /** The place of a task in every list: creation time, then id. */
    public static String position(TaskRecord task, String taskId) {
        return String.format("%016d", Math.max(0, task.getCreatedAt().toEpochMilli())) + "/" + taskId;
    }

    /** The task id of an index key. */
    public static String taskIdOf(String indexKey) {
        return indexKey.substring(indexKey.lastIndexOf('/') + 1);
    }

    /** A task id as a store key segment: no slash (it would reach into another key), no index mark. */
    public static boolean isTaskId(String id) {
        return id != null && !id.isBlank() && id.indexOf('/') < 0 && !id.startsWith(INDEX_MARK) && id.indexOf('\uffff') < 0;
    }

    static List<String> indexKeys(String orgId, String taskId, TaskRecord task) {
        String position = position(task, taskId);
        List<String> keys = new ArrayList<>(4);
        keys.add(all(orgId) + position);
        keys.add(byStatus(orgId, task.getStatus()) + position);
        if (task.getAssigneeId() != null && !task.getAssigneeId().isEmpty()) {
            keys.add(byAssignee(orgId, task.getAssigneeId()) + position);
            keys.add(byAssigneeAndStatus(orgId, task.getAssigneeId(), task.getStatus()) + position);
        }
        return keys;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment == null ? "" : segment, StandardCharsets.UTF_8);
    }

    /** Keeps the store equal to the topic, indexes included; a record it cannot key is ignored, never fatal. */
    public static final class Updater implements Processor<String, TaskRecord, Void, Void> {

        private static final byte[] INDEX_VALUE = new byte[0];

        private KeyValueStore<String, byte[]> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, TaskRecord> record) {
            String key = record.key();
            int at = key == null ? -1 : key.indexOf(Keys.SEPARATOR);
            if (at <= 0 || !isTaskId(key.substring(at + 1))) return;
            String orgId = key.substring(0, at);
            String taskId = key.substring(at + 1);
            TaskRecord previous = decode(store.get(key));
            if (previous != null) indexKeys(orgId, taskId, previous).forEach(store::delete);
            if (record.value() == null) {
                store.delete(key);
                return;
            }
            store.put(key, Topics.TASKS.valueSerde().serializer().serialize(Topics.TASKS.name(), record.value()));
            indexKeys(orgId, taskId, record.value()).forEach(k -> store.put(k, INDEX_VALUE));
        }
    }

    /** A task as the store holds it (null for none). */
    public static TaskRecord decode(byte[] stored) {
        return stored == null ? null : Topics.TASKS.valueSerde().deserializer().deserialize(Topics.TASKS.name(), stored);
    }
}
