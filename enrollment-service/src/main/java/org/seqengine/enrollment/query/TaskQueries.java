package org.seqengine.enrollment.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.enrollment.streams.TaskIndex;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.TaskRecord;

/** Tasks from this instance's global task store (every instance holds them all): point reads and O(page) lists. */
@ApplicationScoped
public class TaskQueries {

    /** One page of a task list; {@code nextCursor} null on the last page. */
    public record Page(List<TaskRecord> tasks, String nextCursor) {}

    @Inject
    EnrollmentQueries queries;

    public Optional<TaskRecord> task(String orgId, String taskId) {
        if (!TaskIndex.isTaskId(taskId)) return Optional.empty();
        return Optional.ofNullable(TaskIndex.decode(store().get(Keys.of(orgId, taskId))));
    }

    /**
     * The tasks under one index prefix (see {@link TaskIndex}) after {@code cursor} (a position,
     * exclusive), oldest first: a range scan of at most {@code limit + 1} index entries.
     */
    public Page page(String prefix, String cursor, int limit) {
        ReadOnlyKeyValueStore<String, byte[]> store = store();
        String orgId = Keys.orgOf(prefix);
        List<TaskRecord> tasks = new ArrayList<>(limit);
        String from = cursor == null ? prefix : prefix + cursor;
        String lastPosition = null;
        boolean more = false;
        try (KeyValueIterator<String, byte[]> it = store.range(from, prefix + '\uffff')) {
            while (it.hasNext()) {
                String key = it.next().key;
                String position = key.substring(prefix.length());
                if (position.equals(cursor)) continue;
                if (tasks.size() == limit) {
                    more = true;
                    break;
                }
                TaskRecord task = TaskIndex.decode(store.get(Keys.of(orgId, TaskIndex.taskIdOf(key))));
                if (task != null) {
                    tasks.add(task);
                    lastPosition = position;
                }
            }
        }
        return new Page(tasks, more ? lastPosition : null);
    }

    private ReadOnlyKeyValueStore<String, byte[]> store() {
        return queries.store(TaskIndex.STORE);
    }
}
