package org.seqengine.schemas.serde.registry;

import java.util.List;

/**
 * The registry's addresses derived from the one setting ({@code SCHEMA_REGISTRY_URL}, an Apicurio
 * Registry): its base URL, its native v3 API (what Apicurio's serde calls) and its Confluent-compatible
 * API (what Confluent clients, Kafka Connect, kcat and {@code seqctl schemas register} call). The
 * setting may be the base or either API's URL.
 */
public final class RegistryUrls {

    public static final String APICURIO_API = "/apis/registry/v3";
    public static final String CONFLUENT_API = "/apis/ccompat/v7";

    private static final List<String> API_SUFFIXES = List.of(APICURIO_API, CONFLUENT_API, "/apis/registry/v2", "/apis");

    private RegistryUrls() {
    }

    /** The registry's base URL: the setting without a trailing slash or API path. */
    public static String base(String setting) {
        String url = setting.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        for (String suffix : API_SUFFIXES) {
            if (url.endsWith(suffix)) {
                return url.substring(0, url.length() - suffix.length());
            }
        }
        return url;
    }

    /** Apicurio's native v3 API, for its serde's {@code apicurio.registry.url}. */
    public static String apicurioApi(String setting) {
        return base(setting) + APICURIO_API;
    }

    /** The Confluent-compatible API: the {@code schema.registry.url} of Confluent clients. */
    public static String confluentApi(String setting) {
        return base(setting) + CONFLUENT_API;
    }
}
