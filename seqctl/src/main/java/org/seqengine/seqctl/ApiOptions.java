package org.seqengine.seqctl;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --api-url} and the key from the environment, for every command that talks to the API. */
public final class ApiOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "The API's base URL (default: $SEQCTL_API_URL, else " + SeqCtl.DEFAULT_API_URL + ").")
    String apiUrl;

    /** A client for the API; a usage error when no key is configured. */
    ApiClient client() {
        SeqCtl root = (SeqCtl) mixee.root().userObject();
        String key = root.env("SEQCTL_API_KEY");
        if (key == null) {
            throw new CliException(CliException.USAGE,
                    "no API key: export SEQCTL_API_KEY=<one of the service's ENROLLMENT_API_KEYS>");
        }
        String url = apiUrl != null ? apiUrl : root.env("SEQCTL_API_URL");
        return new ApiClient(url != null ? url : SeqCtl.DEFAULT_API_URL, key);
    }
}
