package org.seqengine.enrollment.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while command replies are not being read: every command would wait for its timeout. */
@Readiness
@ApplicationScoped
public class ReplyListenerReadiness implements HealthCheck {

    @Inject
    CommandGateway gateway;

    @Override
    public HealthCheckResponse call() {
        ReplyListener listener = gateway.replyListener();
        return HealthCheckResponse.named("command-reply-listener")
                .status(listener != null && listener.running())
                .withData("restarts", listener == null ? 0 : listener.restarts())
                .withData("skipped_records", listener == null ? 0 : listener.skippedRecords())
                .build();
    }
}
