package org.seqengine.stepscheduler.streams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jboss.logging.Logger;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.SendScheduleRecord;
import org.seqengine.schemas.avro.SequencePauseRecord;
import org.seqengine.schemas.avro.SequenceRecord;
import org.seqengine.schemas.avro.StepRecord;
import org.seqengine.scheduler.domain.SendSchedule;
import org.seqengine.scheduler.domain.SendWindowParser;
import org.seqengine.scheduler.domain.SequenceTiming;
import org.seqengine.scheduler.domain.TimeScale;
import org.seqengine.scheduler.domain.Validated;
import org.seqengine.stepscheduler.domain.SequenceView;

/**
 * Sequences as the global stores hold them: sequences.v1 (the current version, its window and pause
 * flag), sequence-versions.v1 (each version's steps, key {@code org/sequence_id/version}) and
 * sequence-pauses.v1 (whole-sequence pause; when present it decides).
 */
final class ReferenceData {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class);
    private static final int CACHED_SCHEDULES = 1_000;

    private final ReadOnlyKeyValueStore<String, SequenceRecord> sequences;
    private final ReadOnlyKeyValueStore<String, SequenceRecord> versions;
    private final ReadOnlyKeyValueStore<String, SequencePauseRecord> pauses;
    private final TimeScale scale;
    private final Map<String, SequenceTiming> timings = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SequenceTiming> eldest) {
            return size() > CACHED_SCHEDULES;
        }
    };

    ReferenceData(ReadOnlyKeyValueStore<String, SequenceRecord> sequences,
                  ReadOnlyKeyValueStore<String, SequenceRecord> versions,
                  ReadOnlyKeyValueStore<String, SequencePauseRecord> pauses, TimeScale scale) {
        this.sequences = sequences;
        this.versions = versions;
        this.pauses = pauses;
        this.scale = scale;
    }

    static ReferenceData of(ProcessingContext context, TimeScale scale) {
        return new ReferenceData(context.getStateStore(StoreNames.SEQUENCES), context.getStateStore(StoreNames.SEQUENCE_VERSIONS),
                context.getStateStore(StoreNames.SEQUENCE_PAUSES), scale);
    }

    static String sequenceKey(String org, String sequenceId) {
        return Keys.of(org, sequenceId);
    }

    /**
     * The sequence as an enrollment on {@code version} sees it; null while that version's steps are
     * unknown (the sequence or version record has not arrived, or was deleted).
     */
    SequenceView view(String org, String sequenceId, int version) {
        String key = sequenceKey(org, sequenceId);
        SequenceRecord current = sequences.get(key);
        SequenceRecord ofVersion = versions.get(Keys.of(org, sequenceId + Keys.SEPARATOR + version));
        if (ofVersion == null && current != null && current.getVersion() == version) ofVersion = current;
        if (ofVersion == null) return null;
        SendScheduleRecord schedule = current != null ? current.getSchedule() : ofVersion.getSchedule();
        return new SequenceView(AvroViews.steps(ofVersion.getSteps()), timing(key, schedule), paused(key, current));
    }

    /** Changes whenever anything the scheduler uses of the sequence may have changed: pause, window, version, steps. */
    String fingerprint(String sequenceKey) {
        SequenceRecord s = sequences.get(sequenceKey);
        SequencePauseRecord p = pauses.get(sequenceKey);
        StringBuilder text = new StringBuilder();
        if (s == null) {
            text.append("none");
        } else {
            text.append(s.getVersion()).append('|').append(s.getIsPaused()).append('|').append(s.getUpdatedAt())
                    .append('|').append(scheduleText(s.getSchedule())).append('|');
            for (StepRecord step : s.getSteps()) {
                text.append(step.getType()).append(step.getWaitDays()).append(Objects.hash(step.getSubject(), step.getBody()))
                        .append(',');
            }
        }
        text.append('|').append(p == null ? "-" : p.getIsPaused() + "@" + p.getUpdatedAt());
        return Integer.toHexString(text.toString().hashCode()) + ":" + text.length();
    }

    private boolean paused(String key, SequenceRecord current) {
        SequencePauseRecord pause = pauses.get(key);
        if (pause != null) return pause.getIsPaused();
        return current != null && current.getIsPaused();
    }

    private SequenceTiming timing(String sequenceKey, SendScheduleRecord schedule) {
        if (schedule == null) return SequenceTiming.anyTime(scale);
        return timings.computeIfAbsent(scheduleText(schedule), text -> parse(sequenceKey, schedule));
    }

    private SequenceTiming parse(String sequenceKey, SendScheduleRecord s) {
        Validated<? extends SendSchedule> parsed = SendWindowParser.parse(s.getTimeZone(), s.getDays(), s.getStartTime(),
                s.getEndTime());
        if (parsed instanceof Validated.Valid<? extends SendSchedule> valid) {
            return new SequenceTiming(valid.value(), scale);
        }
        // enrollment-service validates schedules; a record written around it must not stop sending
        LOG.warnf("sequence %s has an invalid schedule %s (%s); its steps go at any time",
                sequenceKey, scheduleText(s), ((Validated.Invalid<?>) parsed).errors());
        return SequenceTiming.anyTime(scale);
    }

    private static String scheduleText(SendScheduleRecord s) {
        return s == null ? "any" : s.getTimeZone() + " " + s.getDays() + " " + s.getStartTime() + "-" + s.getEndTime();
    }
}
