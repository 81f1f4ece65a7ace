package org.seqengine.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A loopback Apicurio Registry speaking exactly the v3 calls its Avro serde makes in the services'
 * configuration (recorded by running the serde against WireMock with request logging):
 * <ul>
 *   <li>serializing to topic T: {@code GET /apis/registry/v3/groups/default/artifacts/T-value/versions/branch=latest}
 *       (version metadata: globalId, contentId), then {@code GET /ids/globalIds/{globalId}} (the schema)
 *       and {@code GET /ids/globalIds/{globalId}/references};</li>
 *   <li>reading id N not seen yet: {@code GET /ids/contentIds/N} and {@code GET /ids/contentIds/N/references}.</li>
 * </ul>
 * Anything else is a 404 problem body, as the registry answers an unknown subject.
 */
public final class ApicurioRegistryStub implements AutoCloseable {

    public static final String API = "/apis/registry/v3";

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    /** Starts the stub on a free loopback port. */
    public ApicurioRegistryStub() {
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"title\":\"No artifact with ID found\",\"name\":\"ArtifactNotFoundException\"}")));
    }

    /** The registry's base URL (what SCHEMA_REGISTRY_URL is set to). */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Serves {@code schema} (Avro schema JSON) as the latest version of {@code subject}, under these ids. */
    public ApicurioRegistryStub latest(String subject, String schema, long globalId, long contentId) {
        server.stubFor(get(urlPathMatching(API + "/groups/default/artifacts/" + subject.replace(".", "\\.")
                + "/versions/branch(=|%3D)latest")).atPriority(1).willReturn(okJson(
                "{\"groupId\":\"default\",\"artifactId\":\"" + subject + "\",\"version\":\"1\",\"globalId\":" + globalId
                        + ",\"contentId\":" + contentId + ",\"artifactType\":\"AVRO\",\"state\":\"ENABLED\"}")));
        server.stubFor(get(urlPathEqualTo(API + "/ids/globalIds/" + globalId)).atPriority(1).willReturn(schemaBody(schema)));
        server.stubFor(get(urlPathEqualTo(API + "/ids/globalIds/" + globalId + "/references")).atPriority(1).willReturn(okJson("[]")));
        return content(contentId, schema);
    }

    /** Serves {@code schema} as the content of id {@code contentId} (the Confluent schema id). */
    public ApicurioRegistryStub content(long contentId, String schema) {
        server.stubFor(get(urlPathEqualTo(API + "/ids/contentIds/" + contentId)).atPriority(1).willReturn(schemaBody(schema)));
        server.stubFor(get(urlPathEqualTo(API + "/ids/contentIds/" + contentId + "/references")).atPriority(1).willReturn(okJson("[]")));
        return this;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder schemaBody(String schema) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(schema);
    }

    /** The WireMock server, to verify the requests it received. */
    public WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
