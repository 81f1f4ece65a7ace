package org.seqengine.seqctl;

/**
 * A bounded retry with exponential backoff for what may pass (unreachable, 429, 5xx); the last answer
 * (or a null response with the unreachable error) is returned when the attempts run out.
 */
final class Retrying {

    record Outcome(ApiClient.Response response, ApiClient.Unreachable unreachable) {
        boolean failed() {
            return response == null || retryable(response);
        }
    }

    private final int attempts;
    private final long backoffMillis;

    Retrying(int attempts, long backoffMillis) {
        this.attempts = Math.max(1, attempts);
        this.backoffMillis = Math.max(0, backoffMillis);
    }

    Outcome run(ApiClient.Call call) {
        Outcome last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                ApiClient.Response response = call.run();
                last = new Outcome(response, null);
                if (!retryable(response)) return last;
            } catch (ApiClient.Unreachable e) {
                last = new Outcome(null, e);
            }
            if (attempt < attempts) pause(attempt, last.response());
        }
        return last;
    }

    static boolean retryable(ApiClient.Response response) {
        return response.status() == 429 || response.status() >= 500;
    }

    private void pause(int attempt, ApiClient.Response response) {
        long millis = backoffMillis << (attempt - 1);
        if (response != null && response.retryAfterSeconds() > 0) {
            millis = Math.max(millis, Math.min(30, response.retryAfterSeconds()) * 1000);
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted");
        }
    }
}
