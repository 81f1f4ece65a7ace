package org.seqengine.enrollment.streams;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;

/** The {@link StateStore} part of a staged store: everything but the data goes to the real store. */
abstract class DelegatingStateStore<S extends StateStore> implements StateStore {

    protected final S real;

    DelegatingStateStore(S real) {
        this.real = real;
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        real.init(context, root);
    }

    @Override
    public void flush() {
        real.flush();
    }

    @Override
    public void close() {
        real.close();
    }

    @Override
    public boolean persistent() {
        return real.persistent();
    }

    @Override
    public boolean isOpen() {
        return real.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return real.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return real.getPosition();
    }
}
